import { describe, expect, it } from "vitest";
import { draftFromRule, emptyDraft, ruleFromDraft, validateRuleDraft } from "./validate-rule";

describe("the rule panel's validation", () => {
  it("says which field is missing, in message keys the UI translates", () => {
    const draft = { ...emptyDraft("event", "r1"), label: "", points: "ten" };
    expect(validateRuleDraft(draft)).toEqual({
      label: "errors.label",
      points: "errors.points",
      event: "errors.event",
    });
    const withCondition = {
      ...emptyDraft("event", "r2"),
      label: "Pricing",
      event: "Page Viewed",
      where: [
        { property: "url", op: "contains" as const, value: "", values: [], min: "", max: "" },
      ],
    };
    expect(validateRuleDraft(withCondition)).toEqual({ "where.0.value": "errors.value" });
    expect(
      validateRuleDraft({
        ...emptyDraft("attribute", "r3"),
        label: "Size",
        field: "companySize",
        op: "between",
        min: "500",
        max: "50",
      }),
    ).toEqual({ value: "errors.rangeOrder" });
    expect(
      validateRuleDraft({
        ...emptyDraft("attribute", "r4"),
        label: "Size",
        field: "companySize",
        op: "eq",
        value: "big",
      }),
    ).toEqual({ value: "errors.number" });
    expect(
      validateRuleDraft({
        ...emptyDraft("event", "r5"),
        label: "x",
        event: "A",
        maxCount: "1.5",
        halfLifeDays: "0",
      }),
    ).toEqual({ maxCount: "errors.wholeNumber", halfLifeDays: "errors.positive" });
  });

  it("round-trips every rule of every starter template", async () => {
    const { TEMPLATES } = await import("@/lib/domain/scoring/templates");
    const { scoringModelSchema } = await import("@/lib/domain/scoring/model");
    for (const input of Object.values(TEMPLATES)) {
      for (const rule of scoringModelSchema.parse(input).rules) {
        const draft = draftFromRule(rule);
        expect(validateRuleDraft(draft)).toEqual({});
        expect(ruleFromDraft(draft)).toEqual(rule);
      }
    }
  });

  it("builds numbers for numeric fields and lists for `is one of`", () => {
    const rule = ruleFromDraft({
      ...emptyDraft("attribute", "x"),
      label: "Big",
      field: "companySize",
      op: "gte",
      value: "500",
      points: "-5",
    });
    expect(rule).toEqual({
      id: "x",
      label: "Big",
      kind: "attribute",
      field: "companySize",
      op: "gte",
      value: 500,
      points: -5,
    });
    const list = ruleFromDraft({
      ...emptyDraft("attribute", "y"),
      label: "C",
      field: "country",
      op: "in",
      values: ["US", " GB ", ""],
    });
    expect(list).toMatchObject({ op: "in", value: ["US", "GB"] });
  });
});
