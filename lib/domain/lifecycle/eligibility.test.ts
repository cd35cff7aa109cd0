import { describe, expect, it } from "vitest";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { mqlBlockers } from "./eligibility";

const model = scoringModelSchema.parse({
  name: "t",
  mqlThreshold: 100,
  bands: [{ name: "all", min: 0 }],
  rules: [],
  fitGate: { exclude: [{ field: "jobTitle", op: "contains", value: "student" }] },
  recycle: { cooldownDays: 30, minNewEngagement: 20 },
});
const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const lead = { id: "l", email: "a@b.test", phone: "+33 6", jobTitle: "CTO" };
const kinds = (b: ReturnType<typeof mqlBlockers>) => b.map((x) => x.kind);
const check = (over: Partial<Parameters<typeof mqlBlockers>[0]>) =>
  kinds(
    mqlBlockers({
      model,
      lead,
      stage: "lead",
      score: { total: 110, engagement: 110 },
      lastRecycle: null,
      now,
      ...over,
    }),
  );

describe("when a lead becomes an MQL", () => {
  it("at the threshold, with the required fields and through the fit gate", () => {
    expect(check({})).toEqual([]);
    expect(check({ score: { total: 100, engagement: 100 } })).toEqual([]);
    expect(check({ score: { total: 99.9, engagement: 99.9 } })).toEqual(["threshold"]);
  });

  it("never when a fit-gate exclusion matches, whatever the score", () => {
    expect(
      check({ lead: { ...lead, jobTitle: "PhD Student" }, score: { total: 300, engagement: 300 } }),
    ).toEqual(["fitGate"]);
  });

  it("not while a required field is unknown (email and phone by default)", () => {
    expect(check({ lead: { ...lead, phone: null } })).toEqual(["missingField"]);
    expect(check({ lead: { ...lead, phone: "" } })).toEqual(["missingField"]);
  });

  it("only from subscriber, lead or recycled: never again once with sales, never when disqualified", () => {
    expect(check({ stage: "subscriber" })).toEqual([]);
    for (const stage of ["mql", "sal", "sql", "opportunity", "customer", "disqualified"] as const)
      expect(check({ stage })).toEqual(["stage"]);
  });

  it("a recycled lead only after the cool-down and with enough new engagement since", () => {
    const recycled = { stage: "recycled" as const, score: { total: 120, engagement: 120 } };
    expect(check({ ...recycled, lastRecycle: { at: daysAgo(10), engagement: 90 } })).toEqual([
      "cooldown",
    ]);
    expect(check({ ...recycled, lastRecycle: { at: daysAgo(31), engagement: 110 } })).toEqual([
      "newEngagement",
    ]);
    expect(check({ ...recycled, lastRecycle: { at: daysAgo(31), engagement: 100 } })).toEqual([]);
  });
});
