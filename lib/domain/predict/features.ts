/**
 * The predictive score's features, one row per decided handoff (training) or per lead (scoring).
 *
 * Attributes are read AS THEY WERE AT THE HANDOFF: `lead_transitions.attributes`, the lead's
 * profile and traits written by a trigger when the handoff was recorded (imported history: as
 * imported, i.e. as of its date). Scoring reads the lead as it is now, through the same
 * `lead_attributes()` SQL function. Events only count up to the handoff (mql_rule_hits).
 *
 * Every attribute is considered, none capped:
 * - text fields and text traits: one-hot of each value seen on MIN_LEVEL_SUPPORT handoffs or more
 *   (case-folded as attribute rules compare them, so a level is a ready rule); rarer values share
 *   "<field>:other", so a value seen on one or two leads never gets a weight of its own;
 * - numbers (company size, number traits): quantile bins, one-hot, plus a missing indicator;
 * - dates: their age in days at the handoff (now, when scoring), binned the same way;
 * - each event rule of the scoring model: log1p(hits before the handoff); each attribute rule:
 *   1 when the attributes at the handoff match it.
 * Constant and near-constant attributes, and identifier-like text (almost every value unique),
 * are dropped and listed with the reason. The spec (levels, bins, labels) is stored with the model
 * so scoring encodes leads the same way.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { mqlOutcomesSql, outcomeSql } from "@/lib/domain/outcomes/mql-outcomes";
import { matches } from "@/lib/domain/scoring/conditions";
import { seeField, type ScoredLead } from "@/lib/domain/scoring/fields";
import { isActive, LEAD_FIELDS, type Rule, type ScoringModel } from "@/lib/domain/scoring/model";
import { fold, scalarText } from "@/lib/domain/scoring/text";
import type { SparseRow } from "./logistic";

/** A text value gets its own weight only when seen on this many handoffs; rarer ones are pooled. */
export const MIN_LEVEL_SUPPORT = 10;
/** At most this many levels per text field (the most common ones). */
export const MAX_LEVELS = 60;
/** At most this many quantile bins per number or date. */
export const MAX_BINS = 8;
const DAY = 86_400_000;
/** Fields that identify a person rather than describe a lead: never features. */
const IDENTITY_FIELDS = new Set(["email", "firstName", "lastName", "phone"]);
const DATE = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const FIELD_LABELS: Record<string, string> = {
  source: "Source",
  industry: "Industry",
  seniority: "Seniority",
  country: "Country",
  jobTitle: "Job title",
  company: "Company",
  companySize: "Company size",
};

export type AttributeKind = "text" | "number" | "date";
export type DropReason = "constant" | "near_constant" | "too_many_values";

/** One attribute as the model encodes it. `bins`: [min, max] observed in each bin (numbers: values, dates: age in days). */
export type AttributeSpec =
  | { field: string; label: string; kind: "text"; levels: string[]; other: boolean }
  | {
      field: string;
      label: string;
      kind: "number" | "date";
      cuts: number[];
      bins: [number, number][];
      missing: boolean;
    };

export type DroppedAttribute = { field: string; label: string; reason: DropReason };

export type FeatureSpec = {
  /** 2 since attributes at the handoff; older stored specs are not encoded any more. */
  version: 2;
  attributes: AttributeSpec[];
  rules: { id: string; label: string; kind: "event" | "attribute" }[];
  features: { name: string; label: string; field: string | null; binary: boolean }[];
};

/** One row's raw values: text folded, numbers as numbers, dates as epoch ms; `at` is the as-of time. */
export type RawFeatures = {
  values: Record<string, string | number | null>;
  hits: Record<string, number>;
  at: number;
};

export const fieldLabel = (field: string, labels?: Map<string, string>) =>
  FIELD_LABELS[field] ??
  labels?.get(field) ??
  (field.startsWith("traits.") ? `Trait ${field.slice("traits.".length)}` : field);

/** The SQL twin of migration 0009's lead_attributes(): use the function, it is the one definition. */
export const attributesSql = (alias: string) => sql.raw(`lead_attributes(${alias})`);

/** A flat attribute document as the scoring engine's lead, to evaluate attribute rules on it. */
function asLead(attrs: Record<string, unknown>): ScoredLead {
  const lead: ScoredLead = { id: "", traits: {} };
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("traits.")) lead.traits![k.slice("traits.".length)] = v;
    else if ((LEAD_FIELDS as readonly string[]).includes(k))
      (lead as Record<string, unknown>)[k] = v as string | number;
  }
  return lead;
}

type TraitTypes = Map<string, { type: string; label: string }>;

async function traitTypes(db: Queryable): Promise<TraitTypes> {
  const rows = await queryRows<{ key: string; type: string; label: string }>(
    db,
    sql`select key, type, label from trait_definitions`,
  );
  return new Map(rows.map((r) => [`traits.${r.key}`, { type: r.type, label: r.label }]));
}

/** Each field's kind: typed traits as defined, company size a number, others inferred from values. */
export function inferKinds(
  docs: Record<string, unknown>[],
  types: TraitTypes,
): Map<string, AttributeKind> {
  const seen = new Map<string, { n: number; num: number; date: number }>();
  for (const d of docs)
    for (const [k, v] of Object.entries(d)) {
      if (IDENTITY_FIELDS.has(k) || v === null || typeof v === "object") continue;
      const s = seen.get(k) ?? { n: 0, num: 0, date: 0 };
      s.n++;
      if (typeof v === "number") s.num++;
      else if (typeof v === "string" && DATE.test(v) && !Number.isNaN(Date.parse(v))) s.date++;
      seen.set(k, s);
    }
  const kinds = new Map<string, AttributeKind>();
  for (const [k, s] of seen) {
    const t = types.get(k)?.type;
    if (k === "companySize" || t === "number") kinds.set(k, "number");
    else if (t === "date") kinds.set(k, "date");
    else if (t === "text" || t === "boolean") kinds.set(k, "text");
    else if (s.num >= 0.95 * s.n) kinds.set(k, "number");
    else if (s.date >= 0.95 * s.n) kinds.set(k, "date");
    else kinds.set(k, "text");
  }
  return kinds;
}

/** A raw value as the encoder reads it, or null when it does not fit the kind. */
export function readValue(kind: AttributeKind, v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (kind === "text") {
    const t = scalarText(v);
    return t === null || t === "" ? null : fold(t);
  }
  if (kind === "number") {
    const x = typeof v === "number" ? v : Number(scalarText(v));
    return Number.isFinite(x) ? x : null;
  }
  const ms = typeof v === "string" ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

/** The value an attribute is binned on: numbers as they are, dates as their age in days at `at`. */
const binned = (kind: AttributeKind, v: number, at: number) =>
  kind === "date" ? Math.floor((at - v) / DAY) : v;

type Row = {
  id: string | number;
  at: Date | string;
  attrs: Record<string, unknown> | null;
  hits: Record<string, number> | null;
};

function toRaw(
  kinds: Map<string, AttributeKind>,
  model: ScoringModel | null,
  row: Row,
): RawFeatures {
  const attrs = row.attrs ?? {};
  const values: Record<string, string | number | null> = {};
  for (const [field, kind] of kinds) values[field] = readValue(kind, attrs[field]);
  const hits: Record<string, number> = { ...(row.hits ?? {}) };
  const rules = (model?.rules ?? []).filter(isActive);
  if (rules.some((r) => r.kind === "attribute")) {
    const lead = asLead(attrs);
    for (const r of rules)
      if (r.kind === "attribute" && matches(r, seeField(lead, r.field))) hits[r.id] = 1;
  }
  return { values, hits, at: new Date(row.at).getTime() };
}

export type LateAttribute = { field: string; setAfter: number; setNow: number };

export type TrainingSet = {
  ids: number[];
  raw: RawFeatures[];
  labels: number[];
  kinds: Map<string, AttributeKind>;
  labelsByField: Map<string, string>;
  /** Per attribute the lead has now: on how many decided handoffs, and on how many of those it was first set after the handoff. */
  late: LateAttribute[];
};

/** Decided handoffs: (transition_id, lead_id, positive). */
function decidedSql(target: OutcomeTarget, windowDays: number, now: Date): SQL {
  const { decided, positive } = outcomeSql(target, windowDays, now);
  return sql`select transition_id, lead_id, ${positive} as positive from (${mqlOutcomesSql({}, now, { owner: false })}) o where ${decided}`;
}

/**
 * Every decided handoff with its outcome and its attributes at the handoff. `include`: attributes
 * a manager chose to include although flagged — for those the value now fills in when the
 * handoff's record lacks it (so an attribute set after the handoff can be learnt, knowingly).
 */
export async function loadTrainingSet(
  db: Queryable,
  input: {
    target: OutcomeTarget;
    windowDays: number;
    now: Date;
    model: ScoringModel | null;
    include?: string[];
  },
): Promise<TrainingSet> {
  const base = decidedSql(input.target, input.windowDays, input.now);
  const include = arrayParam(input.include ?? [], "text");
  const events = eventRuleIds(input.model);
  const hits = events.length
    ? sql`(select jsonb_object_agg(h.rule_id, h.hits) from mql_rule_hits h where h.transition_id = b.transition_id and h.rule_id = any(${arrayParam(events, "text")}))`
    : sql`null::jsonb`;
  // One pass: the lead's attributes now (n.a) computed once per handoff (offset 0: not inlined
  // into each reference); the handoff's record, the included ones filled in from now; and for the
  // leakage guard the keys the lead has now that the record lacks (late) and the record has that
  // the lead lost since (gone).
  const rows = await queryRows<
    Row & { positive: boolean; late: string[] | null; gone: string[] | null }
  >(
    db,
    sql`select b.transition_id as id, b.positive, t.at,
          case when t.attributes is null then n.a
            else t.attributes || coalesce((select jsonb_object_agg(k, n.a -> k) from unnest(${include}::text[]) k
                                           where jsonb_exists(n.a, k) and not jsonb_exists(t.attributes, k)), '{}'::jsonb)
          end as attrs,
          case when t.attributes is not null then
            (select array_agg(k) from jsonb_object_keys(n.a) k where not jsonb_exists(t.attributes, k)) end as late,
          case when t.attributes is not null then
            (select array_agg(k) from jsonb_object_keys(t.attributes) k where not jsonb_exists(n.a, k)) end as gone,
          ${hits} as hits
        from (${base}) b join lead_transitions t on t.id = b.transition_id join leads l on l.id = b.lead_id
        cross join lateral (select ${attributesSql("l")} as a offset 0) n
        order by b.transition_id`,
  );
  // Per attribute the lead has now: on how many handoffs, and how many of those lacked it then.
  const setNow = new Map<string, number>();
  const setAfter = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of rows) {
    const gone = new Set(r.gone ?? []);
    const late = r.late ?? [];
    const now = new Set(Object.keys(r.attrs ?? {}).filter((k) => !gone.has(k)));
    for (const k of late) {
      now.add(k);
      bump(setAfter, k);
    }
    for (const k of now) bump(setNow, k);
  }
  const types = await traitTypes(db);
  const kinds = inferKinds(
    rows.map((r) => r.attrs ?? {}),
    types,
  );
  return {
    ids: rows.map((r) => Number(r.id)),
    raw: rows.map((r) => toRaw(kinds, input.model, r)),
    labels: rows.map((r) => (r.positive ? 1 : 0)),
    kinds,
    labelsByField: new Map([...types].map(([k, v]) => [k, v.label])),
    late: [...setNow].map(([field, n]) => ({
      field,
      setNow: n,
      setAfter: setAfter.get(field) ?? 0,
    })),
  };
}

const eventRuleIds = (model: ScoringModel | null) =>
  (model?.rules ?? []).filter((r) => isActive(r) && r.kind === "event").map((r) => r.id);

/** Raw features of leads as of `now`: `hits` is a query of (id, rule_id, hits) with id = lead id. */
export async function loadLeadFeatures(
  db: Queryable,
  spec: FeatureSpec,
  model: ScoringModel | null,
  leadIds: SQL,
  hits: SQL | null,
  now: Date,
): Promise<{ ids: string[]; raw: RawFeatures[] }> {
  const kinds = new Map(spec.attributes.map((a) => [a.field, a.kind]));
  const hitsJoin = hits
    ? sql`left join (select id, jsonb_object_agg(rule_id, hits) as hits from (${hits}) r group by id) hx on hx.id = leads.id`
    : sql`left join (select null::uuid as id, null::jsonb as hits) hx on false`;
  const rows = await queryRows<Row>(
    db,
    sql`select leads.id, ${now.toISOString()}::timestamptz as at, ${attributesSql("leads")} as attrs, hx.hits
        from leads ${hitsJoin} where leads.id = any(${leadIds}) order by leads.id`,
  );
  return {
    ids: rows.map((r) => String(r.id)),
    raw: rows.map((r) => toRaw(kinds, model, r)),
  };
}

/** Only the event rules of a model: attribute rules are evaluated on the attributes in JS. */
export function eventRulesOnly(model: ScoringModel): ScoringModel {
  return { ...model, rules: model.rules.filter((r: Rule) => r.kind === "event") };
}

/** Quantile cut points of sorted values (at most MAX_BINS bins, each with MIN_LEVEL_SUPPORT values or more). */
function quantileCuts(sorted: number[]): number[] {
  const bins = Math.max(1, Math.min(MAX_BINS, Math.floor(sorted.length / (2 * MIN_LEVEL_SUPPORT))));
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const c = sorted[Math.floor((b * sorted.length) / bins)];
    if (c > sorted[0] && (!cuts.length || c > cuts[cuts.length - 1])) cuts.push(c);
  }
  return cuts;
}

/** The bin of a value: the number of cuts at or below it. */
export function binOf(cuts: number[], x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How each attribute is encoded, from the training rows, and which are dropped (constant,
 * near-constant, identifier-like) and why.
 */
export function analyseAttributes(
  kinds: Map<string, AttributeKind>,
  raw: RawFeatures[],
  labels?: Map<string, string>,
): { attributes: AttributeSpec[]; dropped: DroppedAttribute[] } {
  const n = raw.length;
  const attributes: AttributeSpec[] = [];
  const dropped: DroppedAttribute[] = [];
  const fields = [...kinds.keys()].sort();
  for (const field of fields) {
    const kind = kinds.get(field)!;
    const label = fieldLabel(field, labels);
    const counts = new Map<string | number | null, number>();
    const values: (string | number | null)[] = raw.map((r) => {
      const v = r.values[field] ?? null;
      return v === null || kind === "text" ? v : binned(kind, v as number, r.at);
    });
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const mode = Math.max(...counts.values());
    if (counts.size <= 1) {
      dropped.push({ field, label, reason: "constant" });
      continue;
    }
    if (n - mode < Math.max(MIN_LEVEL_SUPPORT, 0.005 * n)) {
      dropped.push({ field, label, reason: "near_constant" });
      continue;
    }
    const missing = counts.get(null) ?? 0;
    if (kind === "text") {
      const levels = [...counts]
        .filter(([v, c]) => v !== null && c >= MIN_LEVEL_SUPPORT)
        .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
        .slice(0, MAX_LEVELS);
      const covered = levels.reduce((s, [, c]) => s + c, 0);
      const distinct = counts.size - (missing ? 1 : 0);
      if (covered < 0.2 * (n - missing) && distinct > 0.5 * (n - missing)) {
        dropped.push({ field, label, reason: "too_many_values" });
        continue;
      }
      attributes.push({
        field,
        label,
        kind,
        levels: levels.map(([v]) => String(v)).sort(),
        other: levels.length < distinct,
      });
      continue;
    }
    const sorted = (values.filter((v) => v !== null) as number[]).sort((a, b) => a - b);
    const cuts = quantileCuts(sorted);
    const bins: [number, number][] = Array.from({ length: cuts.length + 1 }, () => [
      Infinity,
      -Infinity,
    ]);
    for (const x of sorted) {
      const b = bins[binOf(cuts, x)];
      b[0] = Math.min(b[0], x);
      b[1] = Math.max(b[1], x);
    }
    attributes.push({ field, label, kind, cuts, bins, missing: missing > 0 });
  }
  return { attributes, dropped };
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(3));

/** Column names and labels of one attribute. */
export function attributeFeatures(a: AttributeSpec): FeatureSpec["features"] {
  if (a.kind === "text")
    return [
      ...a.levels.map((v) => ({
        name: `${a.field}=${v}`,
        label: `${a.label}: ${v}`,
        field: a.field,
        binary: true,
      })),
      ...(a.other
        ? [
            {
              name: `${a.field}:other`,
              label: `${a.label}: other values`,
              field: a.field,
              binary: true,
            },
          ]
        : []),
    ];
  const unit = a.kind === "date" ? " days ago" : "";
  return [
    ...a.bins.map(([lo, hi], b) => ({
      name: `${a.field}#${b}`,
      label:
        lo === hi ? `${a.label}: ${fmt(lo)}${unit}` : `${a.label}: ${fmt(lo)}–${fmt(hi)}${unit}`,
      field: a.field,
      binary: true,
    })),
    ...(a.missing
      ? [{ name: `${a.field}:missing`, label: `${a.label}: unknown`, field: a.field, binary: true }]
      : []),
  ];
}

/** The model's columns: the kept attributes, then the scoring model's active rules (minus those on left-out fields). */
export function buildSpec(
  attributes: AttributeSpec[],
  model: Pick<ScoringModel, "rules"> | null,
  leftOut: Set<string> = new Set(),
): FeatureSpec {
  const rules = (model?.rules ?? [])
    .filter((r) => isActive(r) && !(r.kind === "attribute" && leftOut.has(r.field)))
    .map((r) => ({
      id: r.id,
      label: r.label,
      kind: r.kind === "event" ? ("event" as const) : ("attribute" as const),
    }));
  const features = [
    ...attributes.flatMap(attributeFeatures),
    ...rules.map((r) => ({
      name: `rule:${r.id}`,
      label: r.label,
      field: null,
      binary: r.kind === "attribute",
    })),
  ];
  return { version: 2, attributes, rules, features };
}

/** The discrete code of one attribute on a row (level, bin, "other" or missing), for single-attribute checks. */
export function attributeCode(a: AttributeSpec, raw: RawFeatures): string {
  const v = raw.values[a.field];
  if (v === null || v === undefined) return "∅";
  if (a.kind === "text") return a.levels.includes(v as string) ? `=${v}` : ":other";
  return `#${binOf(a.cuts, binned(a.kind, v as number, raw.at))}`;
}

/** A function turning raw features into a sparse row in the spec's column order. */
export function encoder(spec: FeatureSpec): (raw: RawFeatures) => SparseRow {
  const column = new Map(spec.features.map((f, j) => [f.name, j]));
  const levelSets = spec.attributes.map((a) => (a.kind === "text" ? new Set(a.levels) : null));
  return (raw) => {
    const row: SparseRow = { index: [], value: [] };
    const put = (name: string, value: number) => {
      const j = column.get(name);
      if (j === undefined || value === 0) return;
      row.index.push(j);
      row.value.push(value);
    };
    spec.attributes.forEach((a, k) => {
      const v = raw.values[a.field];
      if (v === null || v === undefined) {
        if (a.kind !== "text" && a.missing) put(`${a.field}:missing`, 1);
        return;
      }
      if (a.kind === "text")
        put(levelSets[k]!.has(v as string) ? `${a.field}=${v}` : `${a.field}:other`, 1);
      else put(`${a.field}#${binOf(a.cuts, binned(a.kind, v as number, raw.at))}`, 1);
    });
    for (const r of spec.rules) put(`rule:${r.id}`, Math.log1p(Math.max(raw.hits[r.id] ?? 0, 0)));
    return row;
  };
}
