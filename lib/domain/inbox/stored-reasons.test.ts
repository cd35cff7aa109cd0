/**
 * What each rule earned is stored with each score (lead_scores.earned) when a lead is scored — on
 * publish, on ingestion — so the inbox's 20-second poll takes the top receipt lines from it instead
 * of replaying every lead's events. They are the lines the receipt (the evaluator) shows; a score
 * stored before the column existed (null) is still shown with its replayed lines.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createLead } from "@/db/factories";
import { leads, leadScores } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { salesTeams } from "@/lib/domain/decisions/test-setup";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { topFromEarned } from "@/lib/domain/scoring/top-lines";
import { getModelVersion, saveDraft } from "@/lib/domain/scoring/versions";
import { listInbox } from "./list-inbox";
import { topReasons } from "./top-reasons";

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
const by = { actorType: "user" as const, actorId: "t", label: "Test", userId: null };
const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 12));
let hot: string;
let quiet: string;

const stored = async (leadId: string) => {
  const [row] = await t.db.select().from(leadScores).where(eq(leadScores.leadId, leadId));
  const model = await getModelVersion(t.db, row.modelVersion);
  return { ...row, reasons: row.earned ? topFromEarned(model!, row.earned) : null };
};

/** The lines the evaluator gives the lead's receipt at its score's as_of (the old inbox path). */
const replayed = async (leadId: string) => {
  const row = await stored(leadId);
  const lines = await topReasons(t.db, [
    { leadId, modelVersion: row.modelVersion, asOf: row.asOf },
  ]);
  return lines.get(leadId);
};

beforeAll(async () => {
  t = await createTestDb();
  s = await salesTeams(t.db);
  await saveDraft(t.db, template("seed-001-saas") as never, { userId: null, label: "Test" });
  hot = (
    await createLead(t.db, {
      firstName: "Hot",
      lastName: "Lead",
      seniority: "vp",
      industry: "Technology",
      companySize: 120,
      country: "FR",
    })
  ).id;
  quiet = (await createLead(t.db, { firstName: "Quiet", seniority: "student" })).id;
  for (const [name, properties, at] of [
    ["Page Viewed", { path: "/pricing" }, day(1)],
    ["Page Viewed", { path: "/pricing/teams" }, day(2)],
    ["Content Downloaded", { asset_type: "case_study" }, day(3)],
    ["Support Ticket Created", {}, day(3)],
  ] as const)
    await createEvent(t.db, { leadId: hot, name, properties, occurredAt: at });
  await createEvent(t.db, { leadId: quiet, name: "Unsubscribed", occurredAt: day(2) });
  await publishDraft(t.db, by, "first", () => day(5));
});
afterAll(() => t?.close());

describe("stored top reasons", () => {
  it("are written by publish, equal to the receipt's top lines, and empty when nothing earned points", async () => {
    expect((await stored(hot)).reasons).toEqual([
      { label: "CEO or VP", points: 20 },
      { label: "Technology industry", points: 15 },
      { label: "Viewed the pricing page", points: 15 },
    ]);
    expect((await stored(hot)).reasons).toEqual(await replayed(hot));
    expect((await stored(quiet)).reasons).toEqual([]);
    expect(await replayed(quiet)).toEqual([]);
  });

  it("move when events arrive through ingestion", async () => {
    const sent = await ingestEvents(
      t.db,
      [
        { id: "demo-1", leadId: hot, name: "Demo Requested", occurredAt: day(6).toISOString() },
        { id: "demo-2", leadId: hot, name: "Demo Requested", occurredAt: day(6).toISOString() },
        { id: "q-1", leadId: quiet, name: "Webinar Attended", occurredAt: day(6).toISOString() },
      ],
      { source: "api", now: day(7) },
    );
    expect(sent.accepted).toBe(3);
    expect((await stored(hot)).reasons).toEqual([
      { label: "Clicked a demo link", points: 50 },
      { label: "CEO or VP", points: 20 },
      { label: "Technology industry", points: 15 },
    ]);
    expect((await stored(hot)).reasons).toEqual(await replayed(hot));
    expect((await stored(quiet)).reasons).toEqual([{ label: "Attended a webinar", points: 20 }]);
  });

  it("follow a new version on publish", async () => {
    const model = template("seed-001-saas");
    model.rules.find((r) => r.id === "tech")!.points = 40;
    model.rules.find((r) => r.id === "demo")!.label = "Asked for a demo";
    await saveDraft(t.db, model as never, { userId: null, label: "Test" });
    await publishDraft(t.db, by, "second", () => day(8));
    expect((await stored(hot)).reasons).toEqual([
      { label: "Asked for a demo", points: 50 },
      { label: "Technology industry", points: 40 },
      { label: "CEO or VP", points: 20 },
    ]);
    expect((await stored(hot)).reasons).toEqual(await replayed(hot));
  });

  it("are what the inbox shows — read, not replayed — and a score stored without them still shows its receipt's lines", async () => {
    await t.db
      .update(leads)
      .set({ stage: "mql", ownerId: s.frRep.id })
      .where(sql`${leads.id} in (${hot}, ${quiet})`);
    const shown = async () =>
      new Map((await listInbox(t.db, s.frRep)).rows.map((r) => [r.id, r.reasons]));
    const before = await shown();
    expect(before.get(hot)).toEqual((await stored(hot)).reasons);
    expect(before.get(quiet)).toEqual([{ label: "Attended a webinar", points: 20 }]);

    // Read from the column: what is stored is what the rep sees.
    const row = await stored(quiet);
    const earned = row.earned!.map((e, k) => (k === 0 ? 7.25 : e));
    await t.db.update(leadScores).set({ earned }).where(eq(leadScores.leadId, quiet));
    const model = await getModelVersion(t.db, row.modelVersion);
    expect((await shown()).get(quiet)).toEqual([
      { label: "Attended a webinar", points: 20 },
      { label: model!.rules[0].label, points: 7.3 },
    ]);

    // Scores from before the column (null until the next rescore): the same lines, replayed.
    await t.db.update(leadScores).set({ earned: null });
    const after = await shown();
    expect(after.get(hot)).toEqual(before.get(hot));
    expect(after.get(quiet)).toEqual(before.get(quiet));
  });
});
