import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createEvent, createLead, createTeam, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { modelVersions } from "@/db/schema";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { mqlOutcomesSql, outcomeSql } from "./mql-outcomes";
import { refreshMqlSnapshots } from "./rule-hits";

let t: TestDb;
const now = new Date("2026-11-18T12:00:00Z");
const ids: Record<string, string> = {};

async function transition(leadId: string, at: string, to: string, total: number | null = null) {
  await t.db
    .execute(sql`insert into lead_transitions (lead_id, at, to_stage, actor_type, reason, score_total)
    values (${leadId}, ${at}::timestamptz, ${to}::lifecycle_stage, 'system', 'test', ${total})`);
}

beforeAll(async () => {
  t = await createTestDb();
  const team = await createTeam(t.db);
  const rep = await createUser(t.db, { teamId: team.id });
  const [a, b, c] = [
    await createLead(t.db, { source: "webinar", industry: "Software" }),
    await createLead(t.db, { source: "ads" }),
    await createLead(t.db, { source: "ads" }),
  ];
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, rep: rep.id, team: team.id });
  await t.db.execute(
    sql`insert into assignments (lead_id, at, user_id, team_id, reason, actor_type) values (${a.id}, '2026-09-01T10:00:00Z', ${rep.id}, ${team.id}, 'test', 'system')`,
  );
  // a: MQL → accepted → imported as won (skipping SQL and opportunity).
  await transition(a.id, "2026-09-01T10:00:00Z", "mql", 120);
  await transition(a.id, "2026-09-03T10:00:00Z", "sal");
  await transition(a.id, "2026-10-01T10:00:00Z", "customer");
  // b: MQL → recycled, MQL again (open, recent).
  await transition(b.id, "2026-09-10T10:00:00Z", "mql", 90);
  await transition(b.id, "2026-09-12T10:00:00Z", "recycled");
  await transition(b.id, "2026-11-10T10:00:00Z", "mql", 95);
  // c: MQL long ago, never decided: past the 30-day window it counts as not converted.
  await transition(c.id, "2026-08-01T10:00:00Z", "mql", 80);
  // Events: two demo requests before a's handoff, one after (not seen by the snapshot).
  for (const at of ["2026-08-20T10:00:00Z", "2026-08-30T10:00:00Z", "2026-09-02T10:00:00Z"]) {
    await createEvent(t.db, { leadId: a.id, name: "Demo Requested", occurredAt: new Date(at) });
  }
  await createEvent(t.db, {
    leadId: b.id,
    name: "Demo Requested",
    occurredAt: new Date("2026-01-01T10:00:00Z"),
  }); // outside 30 days
  const model = scoringModelSchema.parse({
    name: "m",
    mqlThreshold: 50,
    bands: [{ name: "cold", min: 0 }],
    rules: [
      {
        id: "demo",
        kind: "event",
        label: "Demo",
        event: "Demo Requested",
        points: 20,
        withinDays: 30,
      },
      {
        id: "software",
        kind: "attribute",
        label: "Software",
        field: "industry",
        op: "eq",
        value: "software",
        points: 10,
      },
    ],
  });
  await t.db.insert(modelVersions).values({ version: 1, document: model, authorLabel: "test" });
});
afterAll(() => t?.close());

describe("handoff outcomes", () => {
  it("has one row per handoff with later stages implying earlier ones, bounded by the next handoff", async () => {
    const { decided, positive } = outcomeSql("opportunity", 30, now);
    const rows = await queryRows<{
      lead_id: string;
      mql_at: Date;
      accepted_at: unknown;
      qualified_at: unknown;
      opportunity_at: unknown;
      won_at: unknown;
      closed_at: unknown;
      rep_id: string | null;
      decided: boolean;
      positive: boolean;
    }>(
      t.db,
      sql`select *, ${decided} as decided, ${positive} as positive from (${mqlOutcomesSql({}, now)}) x order by mql_at`,
    );
    const byLead = (id: string) => rows.filter((r) => r.lead_id === id);
    expect(rows).toHaveLength(4);
    const [a] = byLead(ids.a);
    expect([a.accepted_at, a.qualified_at, a.opportunity_at, a.won_at].every(Boolean)).toBe(true);
    expect(a).toMatchObject({ rep_id: ids.rep, decided: true, positive: true });
    const [b1, b2] = byLead(ids.b);
    expect(b1).toMatchObject({ decided: true, positive: false });
    expect(b1.closed_at).toBeTruthy();
    expect(b2).toMatchObject({ decided: false, positive: false, closed_at: null });
    expect(byLead(ids.c)[0]).toMatchObject({ decided: true, positive: false });
  });

  it("filters by rep and period", async () => {
    const byRep = await queryRows(
      t.db,
      sql`select * from (${mqlOutcomesSql({ repId: ids.rep }, now)}) x`,
    );
    expect(byRep).toHaveLength(1);
    // Without the owner lookup, the rep filter still looks the owner up; otherwise owners are null.
    expect(
      await queryRows(
        t.db,
        sql`select * from (${mqlOutcomesSql({ repId: ids.rep }, now, { owner: false })}) x`,
      ),
    ).toHaveLength(1);
    const anonymous = await queryRows<{ rep_id: string | null }>(
      t.db,
      sql`select rep_id from (${mqlOutcomesSql({}, now, { owner: false })}) x`,
    );
    expect(anonymous.map((r) => r.rep_id)).toEqual([null, null, null, null]);
    const inSeptember = await queryRows(
      t.db,
      sql`select * from (${mqlOutcomesSql({ from: new Date("2026-09-01T00:00:00Z"), to: new Date("2026-10-01T00:00:00Z") }, now)}) x`,
    );
    expect(inSeptember).toHaveLength(2);
  });

  it("snapshots each rule's hits as of the handoff, once per model version", async () => {
    expect(await refreshMqlSnapshots(t.db, now)).toMatchObject({ version: 1, computed: 4 });
    const hits = await queryRows<{ lead_id: string; rule_id: string; hits: number }>(
      t.db,
      sql`select s.lead_id, h.rule_id, h.hits from mql_rule_hits h join mql_snapshots s using (transition_id) order by 1, 2`,
    );
    expect(hits.filter((h) => h.lead_id === ids.a).map((h) => [h.rule_id, h.hits])).toEqual([
      ["demo", 2],
      ["software", 1],
    ]);
    expect(hits.filter((h) => h.lead_id !== ids.a)).toEqual([]);
    expect(await refreshMqlSnapshots(t.db, now)).toMatchObject({ computed: 0 });
  });
});
