import { describe, expect, it } from "vitest";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { seededRandom } from "./cv";
import { analyseAttributes, buildSpec, encoder, type RawFeatures } from "./features";
import { fitLogistic } from "./logistic";
import { featureStats, pointsPerLogOdds, suggestChanges } from "./suggest";

const model = scoringModelSchema.parse({
  name: "m",
  mqlThreshold: 50,
  bands: [{ name: "cold", min: 0 }],
  rules: [
    { id: "demo", kind: "event", label: "Demo", event: "Demo Requested", points: 10 },
    { id: "noise", kind: "event", label: "Newsletter open", event: "Email Opened", points: 10 },
    {
      id: "us",
      kind: "attribute",
      label: "US",
      field: "country",
      op: "in",
      value: ["US", "CA"],
      points: 5,
    },
  ],
});

/** 2,000 handoffs: demo requests multiply the odds; newsletter opens and the country do nothing; students (a trait) rarely convert. */
function synthetic() {
  const random = seededRandom(11);
  const raw: RawFeatures[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const demo = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
    const noise = Math.floor(random() * 5);
    const student = random() < 0.15;
    const country = random() < 0.5 ? "us" : "fr";
    const z = -1.2 + 1.5 * Math.log1p(demo) - (student ? 2 : 0);
    labels.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    raw.push({
      values: {
        source: null,
        industry: null,
        seniority: null,
        country,
        "traits.persona": student ? "student" : "pro",
      },
      hits: { demo, noise },
      at: 0,
    });
  }
  return { raw, labels };
}

describe("rule suggestions", () => {
  it("re-weighs the predictive rule, leaves the noise one alone, and proposes a negative rule for students", () => {
    const { raw, labels } = synthetic();
    const kinds = new Map([
      ["country", "text" as const],
      ["traits.persona", "text" as const],
    ]);
    const spec = buildSpec(analyseAttributes(kinds, raw).attributes, model);
    const rows = raw.map(encoder(spec));
    const fit = fitLogistic(rows, labels, spec.features.length, { lambda: 1 });
    const s = suggestChanges({
      model,
      spec,
      weights: fit.weights,
      stdErrors: fit.stdErrors,
      stats: featureStats(rows, labels, spec.features.length),
    });
    const demo = s.rules.find((r) => r.ruleId === "demo")!;
    const noise = s.rules.find((r) => r.ruleId === "noise")!;
    expect(demo.suggestedPoints).toBeGreaterThan(0);
    // No evidence either way (within two standard errors of 0): its points stay as they are.
    expect(Math.abs(noise.weight / 1)).toBeLessThan(Math.abs(demo.weight));
    expect(noise.suggestedPoints).toBe(noise.currentPoints);
    expect(s.candidates.discoveries).toBeLessThanOrEqual(s.candidates.tested);
    expect(demo.lift!).toBeGreaterThan(1);
    const student = s.newRules.find(
      (r) => r.rule.field === "traits.persona" && r.rule.value === "student",
    )!;
    expect(student.rule).toMatchObject({
      kind: "attribute",
      op: "eq",
      label: "Trait persona: student",
    });
    expect(student.preselected).toBe(true);
    expect(student.rule.points).toBeLessThan(0);
    expect(student.rule.id).toMatch(/^[A-Za-z0-9_-]+$/);
    // country = us is covered by the "in" rule already, and carries no signal anyway.
    expect(s.newRules.some((r) => r.rule.field === "country")).toBe(false);
    // The suggestions are valid rules for the draft.
    expect(
      scoringModelSchema.safeParse({
        ...model,
        rules: [...model.rules, ...s.newRules.map((r) => r.rule)],
      }).success,
    ).toBe(true);
  });

  it("maps log-odds to points by least squares through the origin", () => {
    expect(
      pointsPerLogOdds([
        { points: 10, effect: 1 },
        { points: 20, effect: 2 },
      ]),
    ).toBeCloseTo(10, 12);
    expect(pointsPerLogOdds([{ points: -10, effect: -0.5 }])).toBeCloseTo(20, 12);
    expect(pointsPerLogOdds([])).toBe(10);
  });
});

describe("false discoveries", () => {
  it("keeps fewer suggestions with Benjamini–Hochberg than |z| ≥ 2 on pure noise", () => {
    const random = seededRandom(5);
    const kinds = new Map(
      Array.from({ length: 40 }, (_, k) => [`traits.noise${k}`, "text" as const]),
    );
    const raw: RawFeatures[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const values: Record<string, string> = {};
      for (const field of kinds.keys()) values[field] = `v${Math.floor(random() * 6)}`;
      raw.push({ values, hits: {}, at: 0 });
      labels.push(random() < 0.3 ? 1 : 0);
    }
    const spec = buildSpec(analyseAttributes(kinds, raw).attributes, null);
    const rows = raw.map(encoder(spec));
    const p = spec.features.length;
    const fit = fitLogistic(rows, labels, p, {
      lambda: 1,
      standardize: spec.features.map((f) => !f.binary),
    });
    const s = suggestChanges({
      model: null,
      spec,
      weights: fit.weights,
      stdErrors: fit.stdErrors,
      stats: featureStats(rows, labels, p),
    });
    expect(s.candidates.tested).toBe(240);
    expect(s.candidates.naive).toBeGreaterThan(5);
    expect(s.candidates.discoveries).toBeLessThan(s.candidates.naive);
    expect(s.candidates.discoveries).toBeLessThanOrEqual(1);
  });
});

describe("rare values", () => {
  it("does not let a level on one lead lead the weights", () => {
    const random = seededRandom(3);
    const raw: RawFeatures[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const webinar = random() < 0.5;
      labels.push(random() < (webinar ? 0.5 : 0.15) ? 1 : 0);
      raw.push({ values: { source: webinar ? "webinar" : "ads" }, hits: {}, at: 0 });
    }
    raw[0] = { values: { source: "partner-x" }, hits: {}, at: 0 };
    labels[0] = 1;
    const spec = buildSpec(
      analyseAttributes(new Map([["source", "text" as const]]), raw).attributes,
      null,
    );
    expect(spec.features.map((f) => f.name)).toEqual([
      "source=ads",
      "source=webinar",
      "source:other",
    ]);
    // Even unpooled, penalised on its own 0/1 scale, the one-lead column stays below the real effect.
    const column = (r: RawFeatures) => ({
      index: [r.values.source === "webinar" ? 0 : r.values.source === "ads" ? 1 : 2],
      value: [1],
    });
    const fit = fitLogistic(raw.map(column), labels, 3, {
      lambda: 1,
      standardize: [false, false, false],
    });
    expect(Math.abs(fit.weights[2])).toBeLessThan(Math.abs(fit.weights[0] - fit.weights[1]));
  });
});
