import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { publishTestModel, seedHandoffs } from "./test-seed";
import { getPredictiveSummary, trainPredictiveModel } from "./train";

let t: TestDb;
const now = new Date("2026-11-18T12:00:00Z");
const demo = {
  id: "demo",
  kind: "event" as const,
  label: "Demo requested",
  event: "Demo Requested",
  points: 20,
};
const ads = {
  id: "ads",
  kind: "attribute" as const,
  label: "Came from ads",
  field: "source",
  op: "eq" as const,
  value: "ads",
  points: 5,
};

beforeAll(async () => {
  t = await createTestDb();
  await publishTestModel(t.db, 1, { rules: [demo, ads] });
  await seedHandoffs(t.db, now, [
    { source: "webinar", count: 150, rate: 0.6 },
    { source: "ads", count: 180, rate: 0.1 },
  ]);
});
afterAll(() => t?.close());

describe("the predictive weights and suggestions after a publish", () => {
  it("name only rules of the live model, by their live names", async () => {
    const trained = await trainPredictiveModel(t.db, { now });
    // Trained under version 1: the ads rule has a weight and a suggestion.
    expect(trained.coefficients.map((c) => c.feature)).toContain("rule:ads");
    expect(trained.suggestions.rules.map((r) => r.ruleId)).toContain("ads");
    expect((await getPredictiveSummary(t.db))!.coefficients.map((c) => c.feature)).toContain(
      "rule:ads",
    );

    // Version 2 drops the ads rule and renames the demo rule; nobody has retrained yet.
    await publishTestModel(t.db, 2, { rules: [{ ...demo, label: "Asked for a demo" }] });
    const shown = (await getPredictiveSummary(t.db))!;
    expect(shown.id).toBe(trained.id);
    const features = shown.coefficients.map((c) => c.feature);
    expect(features).not.toContain("rule:ads");
    expect(shown.coefficients.find((c) => c.feature === "rule:demo")?.label).toBe(
      "Asked for a demo",
    );
    expect(shown.suggestions.rules.map((r) => r.ruleId)).not.toContain("ads");
    // The attributes it learnt from are lead data: still shown, and still suggested.
    expect(features).toEqual(expect.arrayContaining(["source=webinar", "source=ads"]));
    expect(shown.suggestions.newRules.length).toBe(trained.suggestions.newRules.length);
    for (const s of shown.suggestions.newRules)
      expect(shown.attributes!.map((a) => a.field)).toContain(s.rule.field);
  });
});
