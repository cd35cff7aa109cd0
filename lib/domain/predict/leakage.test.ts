/**
 * The leakage guard and the features on made-up handoffs whose answer is known: 400 handoffs, two
 * sources converting at 45 % and 20 %.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { setIncludedAttributes } from "./settings";
import { publishTestModel, seedHandoffs } from "./test-seed";
import { trainPredictiveModel } from "./train";

let t: TestDb;
const now = new Date("2026-11-18T12:00:00Z");
const converted = sql`l.lifecycle_stage = 'opportunity'`;

/** Sets traits on every lead and records them as they were at the handoff. */
async function traitsAtHandoff(traits: ReturnType<typeof sql>) {
  await t.db.execute(sql`update leads l set traits = l.traits || ${traits}`);
  await t.db.execute(
    sql`update lead_transitions t set attributes = lead_attributes(l) from leads l where l.id = t.lead_id and t.to_stage = 'mql'`,
  );
}

beforeAll(async () => {
  t = await createTestDb();
  await publishTestModel(t.db, 1);
  await seedHandoffs(t.db, now, [
    { source: "webinar", count: 200, rate: 0.45 },
    { source: "ads", count: 200, rate: 0.2 },
  ]);
});
afterAll(() => t?.close());

describe("leakage guard", () => {
  it("learns from an informative number trait: the AUC rises", async () => {
    const before = await trainPredictiveModel(t.db, { now });
    // Pages visited before the handoff: 2–9 for leads that converted, 0–5 for the others.
    await traitsAtHandoff(
      sql`jsonb_build_object('visits', case when ${converted} then 2 + abs(hashtext(l.id::text)) % 8 else abs(hashtext(l.id::text)) % 6 end)`,
    );
    const after = await trainPredictiveModel(t.db, { now });
    expect(after.attributes).toEqual(
      expect.arrayContaining([{ field: "traits.visits", label: "Trait visits", kind: "number" }]),
    );
    expect(after.flagged).toEqual([]);
    expect(after.auc!).toBeGreaterThan(before.auc! + 0.05);
    // A readable rule on it: "visits ≥ n" (or a range), with positive points.
    const visits = after.suggestions.newRules.find((r) => r.rule.field === "traits.visits");
    expect(visits?.rule.op).toMatch(/^(gte|between)$/);
    expect(visits!.rule.points).toBeGreaterThan(0);
    expect(visits!.preselected).toBe(true);
  });

  it("flags a column copied from the outcome, leaves it out, and says the model is too good when a manager includes it", async () => {
    await traitsAtHandoff(
      sql`jsonb_build_object('lead_quality', case when ${converted} then 'hot' else 'cold' end)`,
    );
    const guarded = await trainPredictiveModel(t.db, { now });
    expect(guarded.flagged).toEqual([
      {
        field: "traits.lead_quality",
        label: "Trait lead_quality",
        included: false,
        reasons: [{ code: "separates_outcome", auc: 1 }],
      },
    ]);
    expect(guarded.coefficients.some((c) => c.feature.startsWith("traits.lead_quality"))).toBe(
      false,
    );
    expect(guarded.suggestions.newRules.some((r) => r.rule.field === "traits.lead_quality")).toBe(
      false,
    );
    expect(guarded.auc!).toBeLessThan(0.95);
    expect(guarded.tooGood).toBe(false);

    await setIncludedAttributes(t.db, ["traits.lead_quality"], "test");
    const knowingly = await trainPredictiveModel(t.db, { now });
    expect(knowingly.flagged).toEqual([
      expect.objectContaining({ field: "traits.lead_quality", included: true }),
    ]);
    expect(knowingly.auc!).toBeGreaterThanOrEqual(0.95);
    expect(knowingly.tooGood).toBe(true);
    const quality = knowingly.suggestions.newRules.filter(
      (r) => r.rule.field === "traits.lead_quality",
    );
    expect(quality.length).toBeGreaterThan(0);
    expect(quality.every((r) => r.flagged && r.preselected === false)).toBe(true);
    await setIncludedAttributes(t.db, [], "test");
  });

  it("never gives a value seen on one lead a weight of its own", async () => {
    // One converted lead comes from a partner nobody else comes from.
    await t.db.execute(
      sql`update leads l set industry = case when l.id = (select min(id::text)::uuid from leads where lifecycle_stage = 'opportunity') then 'unicorns' else 'software' end`,
    );
    await t.db.execute(
      sql`update lead_transitions t set attributes = lead_attributes(l) from leads l where l.id = t.lead_id and t.to_stage = 'mql'`,
    );
    const summary = await trainPredictiveModel(t.db, { now });
    expect(summary.coefficients.some((c) => c.feature === "industry=unicorns")).toBe(false);
    // 399 of 400 share one value: dropped as near-constant, and listed.
    expect(summary.dropped).toEqual(
      expect.arrayContaining([{ field: "industry", label: "Industry", reason: "near_constant" }]),
    );
  });
});
