/**
 * A republish that changes points (and attribute rules, caps, grades, bands) derives every lead's
 * new score from its live row's stored earnings instead of replaying its events: each score must
 * be exactly the one a full replay gives as of the live row's time, for every kind of event rule
 * (counted, capped, windowed, decaying, decaying and capped). A rule that counts something new
 * reads its own events again, as of the same time; only when no event rule derives is every event
 * replayed.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { compileScores } from "./compile";
import { deriveFrom, scoredFrom } from "./derive";
import { scoringModelSchema, type ScoringModel, type ScoringModelInput } from "./model";
import { previewModel } from "./preview";
import { publishDraft, replayPace } from "./publish";
import { getActiveModel, saveDraft } from "./versions";

const by = { actorType: "user" as const, actorId: "test", label: "Test", userId: null };
const T1 = new Date("2026-11-20T12:00:00Z");
const T2 = new Date("2026-11-26T08:30:00Z");
const T3 = new Date("2026-12-01T09:00:00Z");
const LEADS = 24;

const BASE: ScoringModelInput = {
  name: "Derivation",
  mqlThreshold: 50,
  bands: [
    { name: "cold", min: 0 },
    { name: "warm", min: 20 },
    { name: "hot", min: 50 },
  ],
  caps: { fit: null, engagement: 60, total: null },
  rules: [
    {
      id: "vp",
      label: "VP",
      kind: "attribute",
      field: "seniority",
      op: "eq",
      value: "vp",
      points: 10,
    },
    {
      id: "big",
      label: "Big",
      kind: "attribute",
      field: "companySize",
      op: "gte",
      value: 100,
      points: 5,
    },
    { id: "views", label: "Views", kind: "event", event: "Page Viewed", points: 2 },
    { id: "opens", label: "Opens", kind: "event", event: "Email Opened", points: 4, maxCount: 3 },
    {
      id: "webinar",
      label: "Webinar",
      kind: "event",
      event: "Webinar",
      points: 10,
      withinDays: 30,
    },
    {
      id: "clicks",
      label: "Clicks",
      kind: "event",
      event: "Link Clicked",
      points: 6,
      halfLifeDays: 10,
    },
    {
      id: "pricing",
      label: "Pricing",
      kind: "event",
      event: "Page Viewed",
      where: [{ property: "path", op: "eq", value: "/pricing" }],
      points: 8,
      halfLifeDays: 5,
      maxCount: 2,
    },
  ],
};

const parse = (input: ScoringModelInput) => scoringModelSchema.parse(input);

function edit(change: (m: ScoringModelInput) => void): ScoringModel {
  const input = structuredClone(BASE);
  change(input);
  return parse(input);
}

const points = (id: string, value: number) => (m: ScoringModelInput) => {
  m.rules.find((r) => r.id === id)!.points = value;
};

let t: TestDb;

type Row = {
  lead_id: string;
  model_version: number;
  total: number;
  fit: number;
  engagement: number;
  fit_grade: string;
  engagement_grade: number;
  band: string;
  earned: number[];
  as_of: Date;
};

async function live(): Promise<Row[]> {
  return queryRows<Row>(
    t.db,
    sql`select lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band,
               earned, as_of from lead_scores order by lead_id`,
  );
}

/** A full replay of the leads' events under the model as of `asOf`. */
async function replayed(model: ScoringModel, asOf: Date, leadIds: string[]) {
  const rows = await queryRows<Omit<Row, "model_version" | "as_of">>(
    t.db,
    sql`select * from (${compileScores(model, { asOf, leadIds, earned: true })}) c`,
  );
  return new Map(rows.map((r) => [r.lead_id, r]));
}

/** Every live row equals a replay as of its own time, grades, band and earnings included. */
async function expectReplayed(model: ScoringModel, version: number) {
  const rows = await live();
  expect(rows).toHaveLength(LEADS);
  const byTime = new Map<string, Row[]>();
  for (const row of rows) {
    const at = new Date(row.as_of).toISOString();
    byTime.set(at, [...(byTime.get(at) ?? []), row]);
  }
  for (const [at, group] of byTime) {
    const fresh = await replayed(
      model,
      new Date(at),
      group.map((r) => r.lead_id),
    );
    for (const row of group) {
      const want = fresh.get(row.lead_id)!;
      expect(row.model_version).toBe(version);
      for (const key of ["total", "fit", "engagement"] as const)
        expect(row[key]).toBeCloseTo(want[key], 9);
      expect([row.fit_grade, row.engagement_grade, row.band]).toEqual([
        want.fit_grade,
        want.engagement_grade,
        want.band,
      ]);
      expect(row.earned).toHaveLength(want.earned.length);
      row.earned.forEach((e, k) => expect(e).toBeCloseTo(want.earned[k], 9));
    }
  }
  return rows;
}

async function publish(model: ScoringModel, at: Date) {
  await saveDraft(t.db, model, { userId: null, label: "Test" });
  const result = await publishDraft(t.db, by, "test", () => at);
  const [audit] = await queryRows<{ from: string; replayed: number | null }>(
    t.db,
    sql`select data->>'scoredFrom' as from, (data->>'replayed')::int as replayed
        from audit_log where action = 'model.published' and target_id = ${String(result.version)}`,
  );
  return { ...result, ...audit };
}

/** The rule editor's preview of a draft against the live version, at the publish's time. */
async function previewAgainstLive(draft: ScoringModel) {
  const baseline = (await getActiveModel(t.db))!.model;
  return previewModel(t.db, { draft, baseline, asOf: T3, live: true });
}

const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 9, 1 + d, hour)).toISOString(); // from 1 October 2026

beforeAll(async () => {
  t = await createTestDb();
  const leads = [];
  for (let i = 0; i < LEADS; i++)
    leads.push(
      await createLead(t.db, {
        email: `derive${i}@derive.test`,
        seniority: i % 3 === 0 ? "vp" : "manager",
        companySize: i * 20,
      }),
    );
  await publish(parse(BASE), T1);
  // Events over seven weeks, varied per lead: some old enough to leave the windows.
  const events = leads.flatMap((lead, i) =>
    Array.from({ length: 3 + (i % 7) }, (_, k) => {
      const names = ["Page Viewed", "Email Opened", "Webinar", "Link Clicked"];
      return {
        id: `d-${i}-${k}`,
        email: lead.email,
        name: names[(i + k) % names.length],
        properties: { path: k % 2 ? "/pricing" : "/blog" },
        occurredAt: day((i * 5 + k * 11) % 49, 8 + (k % 9)),
      };
    }),
  );
  // An event dated after every scoring time here (ingestion takes up to a day ahead of the clock):
  // scoring counts it at once, undecayed.
  events.push({
    id: "d-ahead",
    email: leads[2].email,
    name: "Webinar",
    properties: { path: "/blog" },
    occurredAt: new Date(Math.max(Date.now(), T3.getTime()) + 3_600_000).toISOString(),
  });
  expect((await ingestEvents(t.db, events, { source: "api", now: T1 })).accepted).toBe(
    events.length,
  );
  // A third of the leads come back later: their live rows are as of T2.
  const later = leads
    .filter((_, i) => i % 3 === 1)
    .map((lead, i) => ({
      id: `late-${i}`,
      email: lead.email,
      name: i % 2 ? "Link Clicked" : "Page Viewed",
      properties: { path: "/pricing" },
      occurredAt: "2026-11-25T16:00:00Z",
    }));
  await ingestEvents(t.db, later, { source: "api", now: T2 });
});
afterAll(() => t?.close());

describe("deriving a republish from stored earnings", () => {
  it("reuses a live rule's earnings for each event rule that counts what it counted", () => {
    const base = parse(BASE);
    const derived = deriveFrom(base, edit(points("clicks", 9)))!;
    expect(derived.liveRules).toBe(7);
    expect(derived.sources[5]).toEqual({
      from: "earned",
      index: 5,
      scale: 1.5,
      perEvent: null,
      points: 9,
    });
    // Attribute rules changed, added or dropped, caps and bands: still derived.
    expect(
      deriveFrom(
        base,
        edit((m) => {
          m.rules[0] = { ...m.rules[0], value: "c_level", points: 15 } as (typeof m.rules)[0];
          m.rules.push({
            id: "fr",
            label: "France",
            kind: "attribute",
            field: "country",
            op: "eq",
            value: "FR",
            points: 3,
          });
          m.caps = { fit: 12, engagement: 40, total: 70 };
        }),
      ),
    ).not.toBeNull();
    // A rule renamed and re-labelled still counts the same events.
    const renamed = deriveFrom(
      base,
      edit((m) => {
        m.rules[2] = { ...m.rules[2], id: "pages", label: "Pages" } as (typeof m.rules)[2];
      }),
    )!;
    expect(renamed.sources[2]).toMatchObject({ from: "earned", index: 2, perEvent: 2 });
    // What no live rule counted needs that rule's events: only its own are read again.
    for (const [k, change] of [
      [4, (m: ScoringModelInput) => Object.assign(m.rules[4], { withinDays: 60 })],
      [5, (m: ScoringModelInput) => Object.assign(m.rules[5], { halfLifeDays: 20 })],
      [3, (m: ScoringModelInput) => Object.assign(m.rules[3], { maxCount: 5 })],
      [
        6,
        (m: ScoringModelInput) =>
          Object.assign(m.rules[6], { where: [{ property: "path", op: "eq", value: "/demo" }] }),
      ],
      [
        7,
        (m: ScoringModelInput) => {
          m.rules.push({ id: "new", label: "New", kind: "event", event: "Demo", points: 5 });
        },
      ],
    ] as const) {
      const mixed = deriveFrom(base, edit(change))!;
      expect(scoredFrom(mixed)).toBe("mixed");
      expect(mixed.sources.map((source, i) => source.from === "events" && i)).toEqual(
        mixed.sources.map((_, i) => i === k && k),
      );
    }
    expect(scoredFrom(derived)).toBe("earnings");
    // A rule switched off in the live version, or earning 0 points there, stored nothing.
    const off = edit((m) => Object.assign(m.rules[5], { enabled: false }));
    expect(deriveFrom(off, base)!.sources[5]).toEqual({ from: "events" });
    const zero = edit(points("clicks", 0));
    expect(deriveFrom(zero, base)!.sources[5]).toEqual({ from: "events" });
    expect(scoredFrom(deriveFrom(base, zero))).toBe("earnings");
    // When no event rule counts what a live one did, every event is replayed.
    const everything = edit((m) => {
      for (const rule of m.rules) if (rule.kind === "event") rule.withinDays = 300;
    });
    expect(deriveFrom(base, everything)).toBeNull();
    expect(scoredFrom(null)).toBe("events");
  });

  it("gives every lead the score a full replay gives as of its live row's time", async () => {
    const before = await live();
    // A score written before earnings were stored cannot be derived: replayed.
    const [old] = before;
    await t.db.execute(sql`update lead_scores set earned = null where lead_id = ${old.lead_id}`);
    const model = edit((m) => {
      points("views", 3)(m);
      points("opens", -1)(m);
      points("webinar", 25)(m);
      points("clicks", 7.5)(m);
      points("pricing", 11)(m);
      m.rules[1] = { ...m.rules[1], value: 200, points: 8 } as (typeof m.rules)[1];
      m.caps = { fit: 15, engagement: 45, total: null };
      m.bands = [
        { name: "cold", min: 0 },
        { name: "hot", min: 30 },
      ];
    });
    // The preview against the live version foretells exactly what publishing writes.
    const preview = await previewModel(t.db, {
      draft: model,
      baseline: parse(BASE),
      asOf: T3,
      live: true,
    });
    const paceBefore = await replayPace(t.db);
    const result = await publish(model, T3);
    expect(result).toMatchObject({ from: "earnings", replayed: 1, leadsRescored: LEADS });
    // The next replay's progress bar keeps the pace of the last replay, not of this quick one.
    expect(paceBefore).toBeGreaterThan(0);
    expect(await replayPace(t.db)).toBe(paceBefore);
    const after = new Map((await live()).map((r) => [r.lead_id, r.total]));
    const moved = before.filter((r) => Math.abs(after.get(r.lead_id)! - r.total) >= 0.005);
    expect(moved.length).toBeGreaterThan(LEADS / 2);
    expect(preview).toMatchObject({
      scoredFrom: "earnings",
      leads: LEADS,
      changed: moved.length,
      mqlBefore: before.filter((r) => r.total >= BASE.mqlThreshold).length,
      mqlAfter: [...after.values()].filter((total) => total >= model.mqlThreshold).length,
    });
    const biggest = [...moved].sort(
      (a, b) =>
        Math.abs(after.get(b.lead_id)! - b.total) - Math.abs(after.get(a.lead_id)! - a.total),
    )[0];
    expect(preview.movers[0]).toMatchObject({
      leadId: biggest.lead_id,
      before: biggest.total,
      after: after.get(biggest.lead_id),
    });
    const rows = await expectReplayed(model, result.version);
    // Each keeps its live row's time; the replayed one is as of the publish.
    const asOf = new Map(before.map((r) => [r.lead_id, new Date(r.as_of).getTime()]));
    for (const row of rows)
      expect(new Date(row.as_of).getTime()).toBe(
        row.lead_id === old.lead_id ? T3.getTime() : asOf.get(row.lead_id),
      );
    expect(new Set(before.map((r) => new Date(r.as_of).toISOString())).size).toBe(2);
    // The history of the moves starts at the publish, whatever the scores' own time.
    const history = await queryRows<{ at: Date; n: number }>(
      t.db,
      sql`select at, count(*)::int as n from score_history
          where model_version = ${result.version} group by at`,
    );
    expect(history.map((h) => new Date(h.at).toISOString())).toEqual([T3.toISOString()]);
    expect(history[0].n).toBeGreaterThan(LEADS / 2);
  });

  it("reads again only the events of a rule that counts something new, as of each score's time", async () => {
    const before = await live();
    const model = edit((m) => {
      Object.assign(m.rules[4], { withinDays: 45, points: 12 });
      Object.assign(m.rules[6], { maxCount: 3 });
      points("clicks", 9)(m);
    });
    const preview = await previewAgainstLive(model);
    expect(preview.scoredFrom).toBe("mixed");
    const result = await publish(model, T3);
    expect(result).toMatchObject({ from: "mixed", replayed: 0 });
    // The future-dated webinar counts, as in a replay; each score keeps its time.
    const rows = await expectReplayed(model, result.version);
    const asOf = new Map(before.map((r) => [r.lead_id, new Date(r.as_of).getTime()]));
    for (const row of rows) expect(new Date(row.as_of).getTime()).toBe(asOf.get(row.lead_id));
    const after = new Map(rows.map((r) => [r.lead_id, r.total]));
    expect(preview.changed).toBe(
      before.filter((r) => Math.abs(after.get(r.lead_id)! - r.total) >= 0.005).length,
    );
  });

  it("replays every event when no event rule counts what a live one counts", async () => {
    const model = edit((m) => {
      for (const rule of m.rules) if (rule.kind === "event") rule.withinDays = 400;
    });
    const preview = await previewAgainstLive(model);
    expect(preview.scoredFrom).toBe("events");
    const result = await publish(model, T3);
    expect(result).toMatchObject({ from: "events", replayed: null });
    const rows = await expectReplayed(model, result.version);
    expect(new Set(rows.map((r) => new Date(r.as_of).toISOString()))).toEqual(
      new Set([T3.toISOString()]),
    );
  });
  it("replays every event when too few live rows hold their earnings", async () => {
    // Half the leads scored before earnings were stored: deriving the rest and replaying these
    // one batch at a time would cost more than one replay of everything.
    await t.db.execute(
      sql`update lead_scores set earned = null
          where lead_id in (select lead_id from lead_scores order by lead_id limit ${LEADS / 2})`,
    );
    const model = edit((m) => {
      Object.assign(m.rules[4], { withinDays: 45, points: 14 });
    });
    const result = await publish(model, T3);
    expect(result).toMatchObject({ from: "events", replayed: null });
    await expectReplayed(model, result.version);
  });
});
