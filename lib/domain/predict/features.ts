/**
 * The predictive score's features, one row per decided handoff (training) or per lead (scoring):
 * - one-hot of source, industry, seniority, country and every string trait whose common values
 *   (each on 20 handoffs or more) cover at least a fifth of the handoffs that have it — so a
 *   landing page with a few hundred values qualifies, an id or a free text does not — and whose
 *   values are not dates; at most the 30 most common levels per field, the rest share
 *   "<field>:other";
 *   values are case-folded exactly as attribute rules compare them, so a level is a ready rule;
 * - log1p(company size), with an indicator when it is unknown;
 * - log1p(hits) of each rule of the scoring model (as of the handoff, from mql_rule_hits).
 * Lead attributes are read as they are now (like attribute rule hits); events never past the handoff.
 * The spec (levels, order, labels) is stored with the model so scoring encodes leads the same way.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { mqlOutcomesSql, outcomeSql } from "@/lib/domain/outcomes/mql-outcomes";
import { fieldSql } from "@/lib/domain/scoring/field-sql";
import { isActive, type ScoringModel } from "@/lib/domain/scoring/model";
import type { SparseRow } from "./logistic";

export const MIN_LEVEL_SUPPORT = 20;
/** At most this many levels per categorical field (the most common ones). */
export const MAX_LEVELS = 30;
const MIN_COVERAGE = 0.2;
const MAX_TRAITS = 20;
const TRAIT_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$/;

export const CATEGORICAL_FIELDS = ["source", "industry", "seniority", "country"] as const;
const FIELD_LABELS: Record<string, string> = {
  source: "Source",
  industry: "Industry",
  seniority: "Seniority",
  country: "Country",
};

export type RawFeatures = {
  values: Record<string, string | null>;
  companySize: number | null;
  hits: Record<string, number>;
};
export type Categorical = { field: string; levels: string[]; other: boolean };
export type FeatureSpec = {
  categorical: Categorical[];
  companySize: boolean;
  rules: { id: string; label: string }[];
  features: { name: string; label: string }[];
};

const fieldLabel = (field: string) =>
  FIELD_LABELS[field] ?? `Trait ${field.slice("traits.".length)}`;

/** String traits whose common values cover enough handoffs, dates excluded (`base`: columns lead_id). */
async function categoricalTraits(db: Queryable, base: SQL): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`with v as (
          select k.key, k.value, count(*) as n
          from (${base}) b join leads l on l.id = b.lead_id cross join lateral jsonb_each(l.traits) k
          where jsonb_typeof(k.value) = 'string'
          group by 1, 2
        )
        select key from v group by key
        having coalesce(sum(n) filter (where n >= ${MIN_LEVEL_SUPPORT}::int), 0) >= ${MIN_COVERAGE}::float8 * sum(n)
           and coalesce(sum(n) filter (where v.value #>> '{}' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'), 0) < 0.5 * sum(n)
        order by sum(n) desc, key limit ${MAX_TRAITS * 2}::int`,
  );
  return rows
    .map((r) => r.key)
    .filter((k) => TRAIT_KEY.test(k))
    .slice(0, MAX_TRAITS);
}

/** Columns read from `leads` for each row: the categorical fields c0…, and company_size. */
function leadColumns(fields: string[]): SQL {
  return sql.join(
    [
      ...fields.map((f, k) => sql`${fieldSql(f).text} as ${sql.raw(`c${k}`)}`),
      sql`leads.company_size`,
    ],
    sql`, `,
  );
}

type Row = Record<string, unknown> & {
  id: string | number;
  company_size: number | null;
  hits: Record<string, number> | null;
};

function toRaw(fields: string[], row: Row): RawFeatures {
  const values: Record<string, string | null> = {};
  fields.forEach((f, k) => (values[f] = (row[`c${k}`] as string | null) ?? null));
  return {
    values,
    companySize: row.company_size === null ? null : Number(row.company_size),
    hits: row.hits ?? {},
  };
}

export type TrainingSet = { ids: number[]; raw: RawFeatures[]; labels: number[]; fields: string[] };

/** Every decided handoff with its outcome and raw features (snapshots must be fresh). */
export async function loadTrainingSet(
  db: Queryable,
  input: { target: OutcomeTarget; windowDays: number; now: Date },
): Promise<TrainingSet> {
  const { decided, positive } = outcomeSql(input.target, input.windowDays, input.now);
  const base = sql`select transition_id, lead_id, ${positive} as positive from (${mqlOutcomesSql({}, input.now, { owner: false })}) o where ${decided}`;
  const fields = [
    ...CATEGORICAL_FIELDS,
    ...(await categoricalTraits(db, base)).map((k) => `traits.${k}`),
  ];
  const rows = await queryRows<Row & { positive: boolean }>(
    db,
    sql`select b.transition_id as id, b.positive, ${leadColumns(fields)},
          (select jsonb_object_agg(h.rule_id, h.hits) from mql_rule_hits h where h.transition_id = b.transition_id) as hits
        from (${base}) b join leads on leads.id = b.lead_id
        order by b.transition_id`,
  );
  return {
    ids: rows.map((r) => Number(r.id)),
    raw: rows.map((r) => toRaw(fields, r)),
    labels: rows.map((r) => (r.positive ? 1 : 0)),
    fields,
  };
}

/** Raw features of leads as of now: `hits` is a query of (id, rule_id, hits) with id = lead id. */
export async function loadLeadFeatures(
  db: Queryable,
  spec: FeatureSpec,
  leadIds: SQL,
  hits: SQL | null,
): Promise<{ ids: string[]; raw: RawFeatures[] }> {
  const fields = spec.categorical.map((c) => c.field);
  const hitsJoin = hits
    ? sql`left join (select id, jsonb_object_agg(rule_id, hits) as hits from (${hits}) r group by id) hx on hx.id = leads.id`
    : sql`left join (select null::uuid as id, null::jsonb as hits) hx on false`;
  const rows = await queryRows<Row>(
    db,
    sql`select leads.id, ${leadColumns(fields)}, hx.hits from leads ${hitsJoin} where leads.id = any(${leadIds}) order by leads.id`,
  );
  return { ids: rows.map((r) => String(r.id)), raw: rows.map((r) => toRaw(fields, r)) };
}

/** Levels, order and labels of the features, from the training rows. */
export function buildSpec(
  fields: string[],
  raw: RawFeatures[],
  model: Pick<ScoringModel, "rules"> | null,
): FeatureSpec {
  const categorical = fields.map((field): Categorical => {
    const counts = new Map<string, number>();
    for (const r of raw) {
      const v = r.values[field];
      if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const levels = [...counts]
      .filter(([, n]) => n >= MIN_LEVEL_SUPPORT)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_LEVELS)
      .map(([v]) => v)
      .sort();
    return { field, levels, other: levels.length < counts.size };
  });
  const companySize = raw.some((r) => r.companySize !== null);
  const rules = (model?.rules ?? []).filter(isActive).map((r) => ({ id: r.id, label: r.label }));
  const features = [
    ...categorical.flatMap((c) => [
      ...c.levels.map((v) => ({ name: `${c.field}=${v}`, label: `${fieldLabel(c.field)}: ${v}` })),
      ...(c.other
        ? [{ name: `${c.field}:other`, label: `${fieldLabel(c.field)}: other values` }]
        : []),
    ]),
    ...(companySize
      ? [
          { name: "companySize:log", label: "Company size (log)" },
          { name: "companySize:missing", label: "Company size unknown" },
        ]
      : []),
    ...rules.map((r) => ({ name: `rule:${r.id}`, label: r.label })),
  ];
  return { categorical, companySize, rules, features };
}

/** A function turning raw features into a sparse row in the spec's column order. */
export function encoder(spec: FeatureSpec): (raw: RawFeatures) => SparseRow {
  const column = new Map(spec.features.map((f, j) => [f.name, j]));
  const levelSets = spec.categorical.map((c) => new Set(c.levels));
  return (raw) => {
    const row: SparseRow = { index: [], value: [] };
    const put = (name: string, value: number) => {
      const j = column.get(name);
      if (j === undefined || value === 0) return;
      row.index.push(j);
      row.value.push(value);
    };
    spec.categorical.forEach((c, k) => {
      const v = raw.values[c.field];
      if (v === null || v === undefined) return;
      put(levelSets[k].has(v) ? `${c.field}=${v}` : `${c.field}:other`, 1);
    });
    if (spec.companySize) {
      if (raw.companySize === null) put("companySize:missing", 1);
      else put("companySize:log", Math.log1p(Math.max(raw.companySize, 0)));
    }
    for (const r of spec.rules) put(`rule:${r.id}`, Math.log1p(Math.max(raw.hits[r.id] ?? 0, 0)));
    return row;
  };
}
