/**
 * Two models scored side by side in one statement, at one as-of time: what a preview or a
 * backtest compares. The events are scanned once: a rule both models share (same event,
 * conditions, window, half-life and cap) is aggregated once and weighed by each model's points.
 *
 * Rows: lead_id, before_total (under `before`), and under `after` the columns compileScores gives
 * (fit, engagement, total, fit_grade, engagement_grade, band).
 */
import { sql, type SQL } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import { attributeTerm, cap, eventsSql, f8, type CompileOptions } from "./compile";
import { isActive, type EventRule, type ScoringModel } from "./model";

/** What makes two event rules count the same thing, points and names aside. */
const signature = (r: EventRule) =>
  JSON.stringify([
    r.event,
    r.where ?? [],
    r.withinDays ?? null,
    r.halfLifeDays ?? null,
    r.maxCount ?? null,
  ]);

export function compileComparison(
  before: ScoringModel,
  after: ScoringModel,
  options: Omit<CompileOptions, "reasons">,
): SQL {
  const eventRules = (m: ScoringModel) =>
    m.rules.filter(isActive).filter((r): r is EventRule => r.kind === "event");
  // One unit rule (1 point) per distinct signature: its term is the rule's count or decayed sum.
  const units = new Map<string, EventRule>();
  for (const rule of [...eventRules(before), ...eventRules(after)])
    if (!units.has(signature(rule))) units.set(signature(rule), { ...rule, points: 1 });
  const unitList = [...units.values()];
  const keys = [...units.keys()];
  const asOf = sql`${options.asOf.toISOString()}::timestamptz`;
  const events = unitList.length
    ? eventsSql(unitList, options, asOf)
    : { joins: sql``, earned: [] as SQL[] };

  const parts = (m: ScoringModel) => {
    const fit = m.rules
      .filter(isActive)
      .flatMap((r) => (r.kind === "attribute" ? [sql` + ${attributeTerm(r)}`] : []));
    const engagement = eventRules(m).map(
      (r) => sql` + (${events.earned[keys.indexOf(signature(r))]}) * ${f8(r.points)}`,
    );
    return {
      fit: cap(sql`(0::float8${sql.join(fit, sql``)})`, m.caps.fit),
      engagement: cap(sql`(0::float8${sql.join(engagement, sql``)})`, m.caps.engagement),
    };
  };
  const a = parts(after);
  const b = parts(before);
  const leadFilter = options.leadIds
    ? sql`where leads.id = any(${arrayParam(options.leadIds, "uuid")})`
    : sql``;
  const { grades, bands } = after;
  const bandCases = [...bands]
    .reverse()
    .slice(0, -1)
    .map((band) => sql`when total >= ${f8(band.min)} then ${band.name}::text`);
  const bandSql = bandCases.length
    ? sql`case ${sql.join(bandCases, sql` `)} else ${bands[0].name}::text end`
    : sql`${bands[0].name}::text`;

  return sql`
    select lead_id, before_total, fit, engagement, total,
      case when fit >= ${f8(grades.fit.A)} then 'A' when fit >= ${f8(grades.fit.B)} then 'B' when fit >= ${f8(grades.fit.C)} then 'C' else 'D' end as fit_grade,
      case when engagement >= ${f8(grades.engagement["1"])} then 1 when engagement >= ${f8(grades.engagement["2"])} then 2 when engagement >= ${f8(grades.engagement["3"])} then 3 else 4 end as engagement_grade,
      ${bandSql} as band
    from (
      select lead_id, fit, engagement,
        ${cap(sql`fit + engagement`, after.caps.total)} as total,
        ${cap(sql`b_fit + b_engagement`, before.caps.total)} as before_total
      from (
        select leads.id as lead_id, ${a.fit} as fit, ${a.engagement} as engagement,
          ${b.fit} as b_fit, ${b.engagement} as b_engagement
        from leads ${events.joins}
        ${leadFilter}
        offset 0
      ) raw
      offset 0
    ) totals`;
}
