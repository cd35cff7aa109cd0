/**
 * What changed between two scoring models, for the version history. Rules are matched by id, so
 * a rule that kept its id but changed its condition reads as "changed", not "removed + added".
 *
 * Absent and default values compare equal to their defaults (no `enabled` is enabled, no
 * `maxCount` is `null`, no `where` is `[]`), and lists whose order carries no meaning (the values
 * of `in`, the `where` conditions, which all have to match) compare as sets: what is reported is
 * what would score differently or read differently, never a re-serialisation. Rule order is not
 * a change either: every rule is summed whatever its position.
 */
import { DEFAULT_GRADES, type FieldCondition, type Rule, type ScoringModel } from "./model";

export type Band = ScoringModel["bands"][number];
export type CapScope = "fit" | "engagement" | "total";
export type FitGrade = "A" | "B" | "C";
export type EngagementGrade = "1" | "2" | "3";

export type SettingChange =
  | { setting: "name"; before: string; after: string }
  | { setting: "description"; before: string; after: string }
  | { setting: "mqlThreshold"; before: number; after: number }
  | { setting: "bands"; before: Band[]; after: Band[] }
  | { setting: "cap"; scope: CapScope; before: number | null; after: number | null }
  | { setting: "fitGrade"; grade: FitGrade; before: number; after: number }
  | { setting: "engagementGrade"; grade: EngagementGrade; before: number; after: number }
  | { setting: "fitGate"; added: FieldCondition[]; removed: FieldCondition[] }
  | { setting: "requiredFields"; before: string[]; after: string[] }
  | { setting: "recycleCooldown"; before: number; after: number }
  | { setting: "recycleEngagement"; before: number; after: number }
  | { setting: "nurtureTrack"; band: string; before: string | null; after: string | null };

export const RULE_FIELDS = [
  "label",
  "points",
  "kind",
  "field",
  "op",
  "value",
  "event",
  "where",
  "maxCount",
  "withinDays",
  "halfLifeDays",
  "enabled",
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** One field of a rule, before and after; `undefined` when the rule's kind has no such field. */
export type FieldChange = { field: RuleField; before: unknown; after: unknown };

export type RuleChange = { id: string; before: Rule; after: Rule; fields: FieldChange[] };

export type ModelDiff = {
  settings: SettingChange[];
  rules: { added: Rule[]; removed: Rule[]; changed: RuleChange[]; unchanged: number };
  /** Nothing a person would notice differs. */
  same: boolean;
};

/** JSON with object keys sorted, so equal values give equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined,
    );
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Order-free: the canonical text of each element, sorted. */
const setOf = (values: unknown[]) => values.map(canonical).sort();

const conditionKey = (c: { op: string; value?: unknown }) =>
  canonical(c.op === "in" && Array.isArray(c.value) ? { ...c, value: setOf(c.value) } : c);

/**
 * The value of one field as compared: defaults filled in, unordered lists as sets, and an event
 * rule's empty `where` or unset limit equal to an attribute rule's absent one (a rule changing kind
 * reports what it gained or lost, not every field the other kind lacks).
 */
function comparable(rule: Rule, field: RuleField): string {
  switch (field) {
    case "enabled":
      return canonical(rule.enabled !== false);
    case "value":
      if (rule.kind !== "attribute") return canonical(undefined);
      return rule.op === "in" && Array.isArray(rule.value)
        ? canonical(setOf(rule.value))
        : canonical(rule.value);
    case "where":
      return rule.kind === "event" && rule.where?.length
        ? canonical(rule.where.map(conditionKey).sort())
        : canonical(null);
    case "maxCount":
    case "withinDays":
    case "halfLifeDays":
      return canonical(rule.kind === "event" ? (rule[field] ?? null) : null);
    default:
      return canonical((rule as Record<string, unknown>)[field]);
  }
}

/** The field's value as shown: defaults filled in so "none" reads as none, not as missing. */
function shown(rule: Rule, field: RuleField): unknown {
  if (field === "enabled") return rule.enabled !== false;
  if (rule.kind === "event") {
    if (field === "where") return rule.where ?? [];
    if (field === "maxCount" || field === "withinDays" || field === "halfLifeDays")
      return rule[field] ?? null;
  }
  return (rule as Record<string, unknown>)[field];
}

export function diffRule(before: Rule, after: Rule): FieldChange[] {
  return RULE_FIELDS.filter((f) => comparable(before, f) !== comparable(after, f)).map((field) => ({
    field,
    before: shown(before, field),
    after: shown(after, field),
  }));
}

function diffSettings(a: ScoringModel, b: ScoringModel): SettingChange[] {
  const out: SettingChange[] = [];
  if (a.name !== b.name) out.push({ setting: "name", before: a.name, after: b.name });
  if ((a.description ?? "") !== (b.description ?? ""))
    out.push({ setting: "description", before: a.description ?? "", after: b.description ?? "" });
  if (a.mqlThreshold !== b.mqlThreshold)
    out.push({ setting: "mqlThreshold", before: a.mqlThreshold, after: b.mqlThreshold });
  if (canonical(a.bands) !== canonical(b.bands))
    out.push({ setting: "bands", before: a.bands, after: b.bands });
  for (const scope of ["fit", "engagement", "total"] as const) {
    const before = a.caps?.[scope] ?? null;
    const after = b.caps?.[scope] ?? null;
    if (before !== after) out.push({ setting: "cap", scope, before, after });
  }
  const ga = a.grades ?? DEFAULT_GRADES;
  const gb = b.grades ?? DEFAULT_GRADES;
  for (const grade of ["A", "B", "C"] as const) {
    if (ga.fit[grade] !== gb.fit[grade])
      out.push({ setting: "fitGrade", grade, before: ga.fit[grade], after: gb.fit[grade] });
  }
  for (const grade of ["1", "2", "3"] as const) {
    if (ga.engagement[grade] !== gb.engagement[grade])
      out.push({
        setting: "engagementGrade",
        grade,
        before: ga.engagement[grade],
        after: gb.engagement[grade],
      });
  }
  const gateA = new Map(a.fitGate.exclude.map((c) => [conditionKey(c), c]));
  const gateB = new Map(b.fitGate.exclude.map((c) => [conditionKey(c), c]));
  const added = [...gateB].filter(([k]) => !gateA.has(k)).map(([, c]) => c);
  const removed = [...gateA].filter(([k]) => !gateB.has(k)).map(([, c]) => c);
  if (added.length || removed.length) out.push({ setting: "fitGate", added, removed });
  if (canonical(setOf(a.requiredFields)) !== canonical(setOf(b.requiredFields)))
    out.push({ setting: "requiredFields", before: a.requiredFields, after: b.requiredFields });
  if (a.recycle.cooldownDays !== b.recycle.cooldownDays)
    out.push({
      setting: "recycleCooldown",
      before: a.recycle.cooldownDays,
      after: b.recycle.cooldownDays,
    });
  if (a.recycle.minNewEngagement !== b.recycle.minNewEngagement)
    out.push({
      setting: "recycleEngagement",
      before: a.recycle.minNewEngagement,
      after: b.recycle.minNewEngagement,
    });
  for (const band of [
    ...new Set([...Object.keys(a.nurtureTracks), ...Object.keys(b.nurtureTracks)]),
  ]) {
    const before = a.nurtureTracks[band] ?? null;
    const after = b.nurtureTracks[band] ?? null;
    if (before !== after) out.push({ setting: "nurtureTrack", band, before, after });
  }
  return out;
}

/** What changed from `a` (before) to `b` (after). Added and changed rules keep `b`'s order, removed ones `a`'s. */
export function diffModels(a: ScoringModel, b: ScoringModel): ModelDiff {
  const settings = diffSettings(a, b);
  const beforeById = new Map(a.rules.map((r) => [r.id, r]));
  const afterIds = new Set(b.rules.map((r) => r.id));
  const added: Rule[] = [];
  const changed: RuleChange[] = [];
  let unchanged = 0;
  for (const rule of b.rules) {
    const old = beforeById.get(rule.id);
    if (!old) {
      added.push(rule);
      continue;
    }
    const fields = diffRule(old, rule);
    if (fields.length) changed.push({ id: rule.id, before: old, after: rule, fields });
    else unchanged++;
  }
  const removed = a.rules.filter((r) => !afterIds.has(r.id));
  const same =
    settings.length === 0 && added.length === 0 && removed.length === 0 && changed.length === 0;
  return { settings, rules: { added, removed, changed, unchanged }, same };
}
