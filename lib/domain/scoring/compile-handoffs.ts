/**
 * A model's scores at past moments, set-based through the compiler (compile.ts): each row of a
 * set — a past handoff, typically — scored as of its own time, as the model would have scored
 * it had it been live then. What a backtest judges a model by (lib/domain/thresholds/backtest.ts).
 *
 * - Event rules count only the events that occurred at or before the row's time; windows end and
 *   decay is measured at it (`eventsSql` anchored on the rows).
 * - Attribute rules read the lead as it was then: the handoff's recorded attributes
 *   (`lead_transitions.attributes`, profile fields and `traits.<key>` flattened). Fields the record
 *   does not keep (email, names, phone), and rows without a record, read the lead as it is now.
 *
 * Input `rows`: a query with columns row_id, lead_id, at (timestamptz) and attributes (jsonb or
 * null). It is read more than once (the rows, and each event aggregate keyed on them): make it a
 * plain, cheap scan of base tables — lead_transitions by stage and time, say — not a CTE, so
 * PostgreSQL may plan the scoring in parallel (a CTE scan, or a PARALLEL UNSAFE function such as
 * lead_attributes(), keeps a whole statement on one process). Output rows: row_id, fit,
 * engagement, total — caps applied as compileScores applies them — and unrecorded (the row had
 * no attribute record: read as the lead is now).
 */
import { sql, type SQL } from "drizzle-orm";
import { cap, eventsSql, f8 } from "./compile";
import { fieldSql } from "./field-sql";
import { traitKey } from "./fields";
import { isActive, type EventRule, type ScoringModel } from "./model";
import { conditionSql, jsonTextSql, seenFromText, type SeenSql } from "./sql-conditions";

/** Fields kept in a handoff's attribute record (migration 0012's lead_attributes()). */
const RECORDED = new Set([
  "source",
  "industry",
  "seniority",
  "country",
  "jobTitle",
  "company",
  "companySize",
]);

/**
 * A field as it was at the row's time, when recorded; else (fields a record does not keep, rows
 * without a record) as the lead holds it now — read from the leads table as compileScores reads
 * it, rather than through lead_attributes(), which is not parallel safe.
 */
function fieldThenSql(field: string): SeenSql {
  const now = fieldSql(field);
  if (traitKey(field) === null && !RECORDED.has(field)) return now;
  const then = seenFromText(jsonTextSql(sql`h.attrs`, [field]));
  return {
    text: sql`(case when h.attrs is null then ${now.text} else ${then.text} end)`,
    num: sql`(case when h.attrs is null then ${now.num} else ${then.num} end)`,
  };
}

export function compileScoresAt(model: ScoringModel, rows: SQL): SQL {
  const active = model.rules.filter(isActive);
  const eventRules = active.filter((r): r is EventRule => r.kind === "event");
  // The as-of time only names windows for unanchored scans; anchored rows use their own.
  const events = eventRules.length
    ? eventsSql(eventRules, { asOf: new Date(0) }, sql`null::timestamptz`, {
        rows: sql`(${rows})`,
      })
    : { joins: sql``, earned: [] as SQL[] };
  const fit = active.flatMap((r) =>
    r.kind === "attribute"
      ? [
          sql` + (case when ${conditionSql(r, fieldThenSql(r.field))} then ${f8(r.points)} else 0::float8 end)`,
        ]
      : [],
  );
  const engagement = eventRules.map((r, k) => sql` + (${events.earned[k]})`);
  return sql`
    select row_id, fit, engagement, ${cap(sql`fit + engagement`, model.caps.total)} as total, unrecorded
    from (
      select h.row_id, h.attrs is null as unrecorded,
        ${cap(sql`(0::float8${sql.join(fit, sql``)})`, model.caps.fit)} as fit,
        ${cap(sql`(0::float8${sql.join(engagement, sql``)})`, model.caps.engagement)} as engagement
      from (select r.row_id, r.lead_id, r.at, r.attributes as attrs from (${rows}) r) h
      join leads on leads.id = h.lead_id
      ${events.joins}
      offset 0
    ) raw`;
}
