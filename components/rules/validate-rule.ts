/**
 * Checks a rule being edited and says what is wrong per field, as message keys of the `editor`
 * namespace (so the panel speaks the UI language). The server validates again with the zod schema.
 */
import { NUMERIC_FIELDS, ruleSchema, type Operator } from "@/lib/domain/scoring/model";

export type RuleDraft = {
  id: string;
  label: string;
  kind: "attribute" | "event";
  points: string;
  field: string;
  op: Operator;
  value: string;
  values: string[];
  min: string;
  max: string;
  event: string;
  where: {
    property: string;
    op: Operator;
    value: string;
    values: string[];
    min: string;
    max: string;
  }[];
  maxCount: string;
  withinDays: string;
  halfLifeDays: string;
  enabled: boolean;
};

export type RuleErrors = Record<string, string>;

const isNumber = (s: string) => s.trim() !== "" && Number.isFinite(Number(s));

const NUMERIC_OPS: Operator[] = ["gte", "lte", "between"];

/** The operators that make sense for a field or property. */
export function operatorsFor(numeric: boolean): Operator[] {
  return numeric
    ? ["eq", "neq", "gte", "lte", "between", "known", "unknown"]
    : ["eq", "neq", "in", "contains", "startsWith", "known", "unknown", "gte", "lte", "between"];
}

export function isNumericField(field: string): boolean {
  return NUMERIC_FIELDS.includes(field);
}

export type ConditionDraft = {
  op: Operator;
  value: string;
  values: string[];
  min: string;
  max: string;
};

export function conditionValue(c: ConditionDraft, numeric: boolean): unknown {
  switch (c.op) {
    case "known":
    case "unknown":
      return undefined;
    case "in":
      return c.values
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => (numeric && isNumber(v) ? Number(v) : v));
    case "between":
      return [Number(c.min), Number(c.max)];
    case "gte":
    case "lte":
      return Number(c.value);
    default:
      return numeric && isNumber(c.value) ? Number(c.value) : c.value.trim();
  }
}

export function conditionErrors(
  c: ConditionDraft,
  numeric: boolean,
  prefix: string,
  errors: RuleErrors,
) {
  if (c.op === "known" || c.op === "unknown") return;
  if (c.op === "in") {
    if (!c.values.some((v) => v.trim())) errors[`${prefix}value`] = "errors.valueList";
  } else if (c.op === "between") {
    if (!isNumber(c.min) || !isNumber(c.max)) errors[`${prefix}value`] = "errors.range";
    else if (Number(c.min) > Number(c.max)) errors[`${prefix}value`] = "errors.rangeOrder";
  } else if (
    NUMERIC_OPS.includes(c.op) ||
    (numeric && c.op !== "contains" && c.op !== "startsWith")
  ) {
    if (!isNumber(c.value)) errors[`${prefix}value`] = "errors.number";
  } else if (!c.value.trim()) {
    errors[`${prefix}value`] = "errors.value";
  }
}

export function validateRuleDraft(d: RuleDraft): RuleErrors {
  const errors: RuleErrors = {};
  if (!d.label.trim()) errors.label = "errors.label";
  if (!isNumber(d.points)) errors.points = "errors.points";
  else if (Math.abs(Number(d.points)) > 10_000) errors.points = "errors.pointsRange";
  if (d.kind === "attribute") {
    if (!d.field || d.field === "traits.") errors.field = "errors.field";
    conditionErrors(d, isNumericField(d.field), "", errors);
  } else {
    if (!d.event.trim()) errors.event = "errors.event";
    d.where.forEach((w, i) => {
      if (!w.property.trim()) errors[`where.${i}.property`] = "errors.property";
      conditionErrors(w, false, `where.${i}.`, errors);
    });
    for (const key of ["maxCount", "withinDays"] as const) {
      if (
        d[key].trim() &&
        (!isNumber(d[key]) || !Number.isInteger(Number(d[key])) || Number(d[key]) < 1)
      )
        errors[key] = "errors.wholeNumber";
    }
    if (d.halfLifeDays.trim() && (!isNumber(d.halfLifeDays) || Number(d.halfLifeDays) <= 0))
      errors.halfLifeDays = "errors.positive";
  }
  return errors;
}

/** The model document's rule from the panel's fields (only call when validateRuleDraft found nothing). */
export function ruleFromDraft(d: RuleDraft) {
  const base = {
    id: d.id,
    label: d.label.trim(),
    points: Number(d.points),
    ...(d.enabled ? {} : { enabled: false }),
  };
  const rule =
    d.kind === "attribute"
      ? {
          ...base,
          kind: "attribute" as const,
          field: d.field,
          op: d.op,
          ...(conditionValue(d, isNumericField(d.field)) === undefined
            ? {}
            : { value: conditionValue(d, isNumericField(d.field)) }),
        }
      : {
          ...base,
          kind: "event" as const,
          event: d.event.trim(),
          ...(d.where.length
            ? {
                where: d.where.map((w) => ({
                  property: w.property.trim(),
                  op: w.op,
                  ...(conditionValue(w, false) === undefined
                    ? {}
                    : { value: conditionValue(w, false) }),
                })),
              }
            : {}),
          ...(d.maxCount.trim() ? { maxCount: Number(d.maxCount) } : {}),
          ...(d.withinDays.trim() ? { withinDays: Number(d.withinDays) } : {}),
          ...(d.halfLifeDays.trim() ? { halfLifeDays: Number(d.halfLifeDays) } : {}),
        };
  return ruleSchema.parse(rule);
}

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** A model condition as the editable strings of the condition editor. */
export function conditionDraft(c: { op: Operator; value?: unknown }): ConditionDraft {
  return {
    op: c.op,
    value: Array.isArray(c.value) ? "" : str(c.value),
    values: c.op === "in" && Array.isArray(c.value) ? c.value.map(str) : [],
    min: c.op === "between" && Array.isArray(c.value) ? str(c.value[0]) : "",
    max: c.op === "between" && Array.isArray(c.value) ? str(c.value[1]) : "",
  };
}

export function draftFromRule(rule: import("@/lib/domain/scoring/model").Rule): RuleDraft {
  const cond = conditionDraft;
  return {
    id: rule.id,
    label: rule.label,
    kind: rule.kind,
    points: str(rule.points),
    enabled: rule.enabled !== false,
    field: rule.kind === "attribute" ? rule.field : "jobTitle",
    ...(rule.kind === "attribute"
      ? cond(rule)
      : { op: "eq" as Operator, value: "", values: [], min: "", max: "" }),
    event: rule.kind === "event" ? rule.event : "",
    where:
      rule.kind === "event"
        ? (rule.where ?? []).map((w) => ({ property: w.property, ...cond(w) }))
        : [],
    maxCount: rule.kind === "event" ? str(rule.maxCount) : "",
    withinDays: rule.kind === "event" ? str(rule.withinDays) : "",
    halfLifeDays: rule.kind === "event" ? str(rule.halfLifeDays) : "",
  };
}

export function emptyDraft(kind: "attribute" | "event", id: string): RuleDraft {
  return {
    id,
    label: "",
    kind,
    points: "10",
    field: "jobTitle",
    op: kind === "attribute" ? "eq" : "eq",
    value: "",
    values: [],
    min: "",
    max: "",
    event: "",
    where: [],
    maxCount: "",
    withinDays: "",
    halfLifeDays: "",
    enabled: true,
  };
}
