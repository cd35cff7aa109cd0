import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { thresholdEvidence, weekStart } from "./analysis";
import { conversionAtOrAbove, crossingsPerWeek, leadsAtOrAbove } from "./figures";

let t: TestDb;
const now = new Date("2026-11-18T12:00:00Z"); // a Wednesday; the replay starts Monday 2026-08-31

async function history(leadId: string, at: string, total: number) {
  await t.db
    .execute(sql`insert into score_history (lead_id, at, model_version, total, fit, engagement, cause)
    values (${leadId}, ${at}::timestamptz, 1, ${total}, 0, ${total}, 'ingest')`);
}
async function score(leadId: string, total: number) {
  await t.db
    .execute(sql`insert into lead_scores (lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band, as_of, recorded_total)
    values (${leadId}, 1, ${total}, 0, ${total}, 'D', 4, 'x', now(), ${total})`);
}
async function transition(leadId: string, at: string, to: string, total: number | null = null) {
  await t.db
    .execute(sql`insert into lead_transitions (lead_id, at, to_stage, actor_type, reason, score_total)
    values (${leadId}, ${at}::timestamptz, ${to}::lifecycle_stage, 'system', 'test', ${total})`);
}

beforeAll(async () => {
  t = await createTestDb();
  const [a, b, c] = [await createLead(t.db), await createLead(t.db), await createLead(t.db)];
  await history(a.id, "2026-08-01T10:00:00Z", 50); // before the replay window
  await history(a.id, "2026-09-22T10:00:00Z", 120); // week 3
  await history(b.id, "2026-09-01T10:00:00Z", 30); // week 0
  await history(b.id, "2026-09-08T10:00:00Z", 20); // week 1: lower, no move
  await history(b.id, "2026-10-06T10:00:00Z", 110); // week 5
  await history(c.id, "2026-11-17T10:00:00Z", 200); // week 11 (this week)
  await history(c.id, "2026-11-19T10:00:00Z", 500); // after `now`: not seen
  await score(a.id, 120.4);
  await score(b.id, 99.9);
  await score(c.id, 200);
  await transition(a.id, "2026-09-22T10:00:00Z", "mql", 120);
  await transition(a.id, "2026-09-25T10:00:00Z", "sal");
  await transition(a.id, "2026-09-29T10:00:00Z", "sql");
  await transition(b.id, "2026-09-20T10:00:00Z", "mql", 99.9);
  await transition(b.id, "2026-09-21T10:00:00Z", "recycled");
  await transition(b.id, "2026-10-06T10:00:00Z", "mql", 110);
  await transition(c.id, "2026-11-17T10:00:00Z", "mql", 200);
  await transition(c.id, "2026-11-17T11:00:00Z", "sal");
  await transition(c.id, "2026-11-17T12:00:00Z", "disqualified");
});
afterAll(() => t?.close());

describe("threshold evidence", () => {
  it("starts weeks on Monday, UTC", () => {
    expect(weekStart(now).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-16T00:00:00Z")).toISOString()).toBe(
      "2026-11-16T00:00:00.000Z",
    );
    expect(weekStart(new Date("2026-11-22T23:59:59Z"), 1).toISOString()).toBe(
      "2026-11-09T00:00:00.000Z",
    );
  });

  it("buckets current scores by whole point", async () => {
    const evidence = await thresholdEvidence(t.db, now);
    expect(evidence.scores).toEqual([
      { score: 99, leads: 1 },
      { score: 120, leads: 1 },
      { score: 200, leads: 1 },
    ]);
    expect(leadsAtOrAbove(evidence.scores, 100)).toBe(2);
  });

  it("replays twelve weeks of score history into first crossings of any threshold", async () => {
    const evidence = await thresholdEvidence(t.db, now);
    expect(evidence.weeks).toHaveLength(12);
    expect(evidence.weeks[0].start).toBe("2026-08-31T00:00:00.000Z");
    expect(evidence.historySince).toBe("2026-08-01T10:00:00Z");
    const at100 = crossingsPerWeek(evidence.weeks, 100).map((w) => w.leads);
    expect(at100).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1]);
    const at25 = crossingsPerWeek(evidence.weeks, 25).map((w) => w.leads);
    // Lead A was already above 25 before the window; B crossed in week 0; C in week 11.
    expect(at25).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it("follows each handoff to its first sales outcome", async () => {
    const evidence = await thresholdEvidence(t.db, now);
    expect(evidence.handoffs).toEqual([
      { score: 99, mqls: 1, decided: 1, converted: 0 },
      { score: 110, mqls: 1, decided: 0, converted: 0 },
      { score: 120, mqls: 1, decided: 1, converted: 1 },
      { score: 200, mqls: 1, decided: 1, converted: 0 },
    ]);
    expect(conversionAtOrAbove(evidence.handoffs, 100)).toEqual({
      mqls: 3,
      decided: 2,
      converted: 1,
      rate: null,
    });
  });
});
