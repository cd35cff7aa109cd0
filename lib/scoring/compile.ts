/**
 * The compiler: turns a scoring model into one set-based SQL query that scores every lead (or
 * the given leads) in a single pass over events — for publish, refresh, ingestion and previews.
 * Semantics are the evaluator's (evaluate.ts); the differential test proves they agree.
 *
 * Shape: one scan of the events the rules name, with one boolean per event rule; one window
 * (shared by every rule with a maxCount) numbering each rule's matches from the most recent;
 * one aggregate per lead; then attribute rules, caps, grades and band on the leads table.
 */
import { sql, type SQL } from "drizzle-orm";
import { leads } from "@/db/schema/leads";
import { NUMERIC_FIELDS, isActive, type AttributeRule, type EventRule, type ScoringModel } from "./model";
import { traitKey } from "./fields";
import { arrayParam, conditionSql, seenFromText, type SeenSql } from "./sql-conditions";

export type CompileOptions = {
  asOf: Date;
  /** Score only these leads (ingestion); all leads when absent. */
  leadIds?: string[] | null;
};

const COLUMNS = {
  email: leads.email,
  firstName: leads.firstName,
  lastName: leads.lastName,
  jobTitle: leads.jobTitle,
  seniority: leads.seniority,
  company: leads.company,
  industry: leads.industry,
  companySize: leads.companySize,
  country: leads.country,
  phone: leads.phone,
  source: leads.source,
} as const;

function fieldSql(field: string): SeenSql {
  const key = traitKey(field);
  if (key !== null) return seenFromText(sql`accord_json_text(${leads.traits}, array[${key}::text])`);
  const column = COLUMNS[field as keyof typeof COLUMNS];
  if (NUMERIC_FIELDS.includes(field)) return { text: sql`(${column})::text`, num: sql`(${column})::numeric` };
  return seenFromText(sql`${column}`);
}

const f8 = (n: number) => sql`${String(n)}::float8`;

function eventMatchSql(rule: EventRule): SQL {
  const parts: SQL[] = [sql`e.name = ${rule.event}::text`];
  for (const c of rule.where ?? []) {
    parts.push(conditionSql(c, seenFromText(sql`accord_json_text(e.properties, ${arrayParam(c.property.split("."), "text")})`)));
  }
  if (rule.withinDays) parts.push(sql`e.age_s <= ${String(rule.withinDays * 86400)}::numeric`);
  return sql.join(parts, sql` and `);
}

function decaySql(rule: EventRule): SQL {
  return rule.halfLifeDays
    ? sql`power(0.5::float8, greatest(age_s, 0)::float8 / (${f8(rule.halfLifeDays)} * 86400))`
    : sql`1::float8`;
}

function eventAggregateSql(rules: EventRule[], options: CompileOptions): SQL {
  const names = [...new Set(rules.map((r) => r.event))];
  const leadFilter = options.leadIds ? sql`and ev.lead_id = any(${arrayParam(options.leadIds, "uuid")})` : sql``;
  const flags = rules.map((r, k) => sql`(${eventMatchSql(r)}) as ${sql.raw(`m${k}`)}`);
  const capped = rules.map((r, k) => ({ rule: r, k })).filter(({ rule }) => rule.maxCount);
  const ranks = capped.map(({ k }) => sql`count(*) filter (where ${sql.raw(`m${k}`)}) over w as ${sql.raw(`c${k}`)}`);
  const counted = (r: EventRule, k: number) =>
    r.maxCount ? sql`${sql.raw(`m${k}`)} and ${sql.raw(`c${k}`)} <= ${String(r.maxCount)}::int` : sql.raw(`m${k}`);
  const sums = rules.map(
    (r, k) => sql`coalesce(sum(${decaySql(r)}) filter (where ${counted(r, k)}), 0)::float8 as ${sql.raw(`s${k}`)}`,
  );
  const ranked = capped.length
    ? sql`(select m.*, ${sql.join(ranks, sql`, `)} from matched m window w as (partition by lead_id order by occurred_at desc, id desc rows between unbounded preceding and current row))`
    : sql`matched`;
  return sql`
    with timed as (
      select ev.lead_id, ev.id, ev.name, ev.properties, ev.occurred_at,
             extract(epoch from (${options.asOf.toISOString()}::timestamptz - ev.occurred_at)) as age_s
      from events ev
      where ev.name = any(${arrayParam(names, "text")}) ${leadFilter}
    ),
    matched as (
      select e.lead_id, e.id, e.occurred_at, e.age_s, ${sql.join(flags, sql`, `)}
      from timed e
    )
    select lead_id, ${sql.join(sums, sql`, `)}
    from ${ranked} r
    group by lead_id`;
}

/** Rows: lead_id, fit, engagement, total, fit_grade, engagement_grade, band. */
export function compileScores(model: ScoringModel, options: CompileOptions): SQL {
  const active = model.rules.filter(isActive);
  const attributeRules = active.filter((r): r is AttributeRule => r.kind === "attribute");
  const eventRules = active.filter((r): r is EventRule => r.kind === "event");

  const fitTerms = attributeRules.map((r) => sql` + (case when ${conditionSql(r, fieldSql(r.field))} then ${f8(r.points)} else 0::float8 end)`);
  const engagementTerms = eventRules.map((r, k) => sql` + coalesce(a.${sql.raw(`s${k}`)}, 0) * ${f8(r.points)}`);
  const join = eventRules.length ? sql`left join (${eventAggregateSql(eventRules, options)}) a on a.lead_id = leads.id` : sql``;
  const leadFilter = options.leadIds ? sql`where leads.id = any(${arrayParam(options.leadIds, "uuid")})` : sql``;

  const cap = (expr: SQL, value: number | null) => (value === null ? expr : sql`least(${expr}, ${f8(value)})`);
  const { grades, bands } = model;
  const bandCases = [...bands]
    .reverse()
    .slice(0, -1)
    .map((b) => sql`when total >= ${f8(b.min)} then ${b.name}::text`);
  const bandSql = bandCases.length ? sql`case ${sql.join(bandCases, sql` `)} else ${bands[0].name}::text end` : sql`${bands[0].name}::text`;

  return sql`
    select lead_id, fit, engagement, total,
      case when fit >= ${f8(grades.fit.A)} then 'A' when fit >= ${f8(grades.fit.B)} then 'B' when fit >= ${f8(grades.fit.C)} then 'C' else 'D' end as fit_grade,
      case when engagement >= ${f8(grades.engagement["1"])} then 1 when engagement >= ${f8(grades.engagement["2"])} then 2 when engagement >= ${f8(grades.engagement["3"])} then 3 else 4 end as engagement_grade,
      ${bandSql} as band
    from (
      select lead_id, fit, engagement, ${cap(sql`fit + engagement`, model.caps.total)} as total
      from (
        select leads.id as lead_id,
          ${cap(sql`(0::float8${sql.join(fitTerms, sql``)})`, model.caps.fit)} as fit,
          ${cap(sql`(0::float8${sql.join(engagementTerms, sql``)})`, model.caps.engagement)} as engagement
        from leads ${join}
        ${leadFilter}
      ) raw
    ) totals`;
}
