import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { publishTestModel, seedHandoffs } from "@/lib/domain/predict/test-seed";
import { thresholdRecommendation } from "./backtest";

let t: TestDb;
const now = new Date("2026-11-18T12:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  // The judged model gives the scores: past handoffs are scored under it, not by what they recorded.
  await publishTestModel(t.db, 1, {
    mqlThreshold: 50,
    rules: [
      {
        id: "ads",
        kind: "attribute",
        label: "Ads",
        field: "source",
        op: "eq",
        value: "ads",
        points: 40,
      },
      {
        id: "web",
        kind: "attribute",
        label: "Webinar",
        field: "source",
        op: "eq",
        value: "webinar",
        points: 70,
      },
    ],
  });
  for (const capacity of [3, 3]) await createUser(t.db, { role: "rep", capacity });
  await createUser(t.db, { role: "rep", capacity: 40, active: false });
  await seedHandoffs(t.db, now, [
    { source: "ads", count: 100, rate: 0.1, score: () => 5 },
    { source: "webinar", count: 100, rate: 0.5, score: () => 5 },
  ]);
  // Older than the 26-week window: counted nowhere.
  await seedHandoffs(
    t.db,
    now,
    [{ source: "ads", count: 50, rate: 0, score: () => 90 }],
    [300, 250],
  );
});
afterAll(() => t?.close());

describe("threshold backtest", () => {
  it("recommends the threshold that meets the target within the active reps' capacity", async () => {
    const r = await thresholdRecommendation(t.db, { now, rate: 0.35 });
    // Handoffs span the 20 weeks up to the latest (160 to 20 days ago): per week is per those weeks.
    expect(r).toMatchObject({
      target: "opportunity",
      model: "live",
      version: 1,
      weeks: 20,
      capacityPerWeek: 6,
      reason: "meets_rate_and_capacity",
      unrecorded: 0,
    });
    expect(r.outcomesSince).not.toBeNull();
    expect(r.curve.map((p) => p.threshold)).toEqual([40, 70]);
    expect(r.recommended).toMatchObject({ threshold: 70, mqlsPerWeek: 100 / 20 });
    expect(r.recommended!.rate!).toBeCloseTo(0.5, 1);
    expect(r.current).toMatchObject({ threshold: 50, mqlsPerWeek: 100 / 20 });
    expect(r.curve[0].mqlsPerWeek).toBeCloseTo(200 / 20, 10);
    // Handoffs before the first recorded outcome are left out of the decided ones.
    expect(r.decided).toBeGreaterThan(180);
    expect(r.decided).toBeLessThan(200);
  });

  it("is capacity bound when the reps cannot take the volume", async () => {
    const r = await thresholdRecommendation(t.db, { now, rate: 0.2, capacity: 5 });
    expect(r).toMatchObject({
      reason: "capacity_bound",
      recommended: { threshold: 70 },
      capacityPerWeek: 5,
    });
  });
});
