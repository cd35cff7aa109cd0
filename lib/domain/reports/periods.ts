/** Periods (Monday-UTC weeks or months) as SQL: truncation, an ISO date label, and a gapless series. */
import { sql, type SQL } from "drizzle-orm";
import type { Grain } from "./types";

const unit = (grain: Grain) => sql.raw(grain === "month" ? "'month'" : "'week'");
const step = (grain: Grain) =>
  sql.raw(grain === "month" ? "interval '1 month'" : "interval '1 week'");

/** The start of the period `at` (a timestamptz) falls in, as a UTC timestamp. */
export const periodSql = (grain: Grain, at: SQL): SQL =>
  sql`date_trunc(${unit(grain)}, (${at}) at time zone 'UTC')`;

/** "YYYY-MM-DD" of a UTC timestamp. */
export const dayLabelSql = (at: SQL): SQL => sql`to_char(${at}, 'YYYY-MM-DD')`;

/** "YYYY-MM-DDTHH:MI:SSZ" of a timestamptz. */
export const isoSql = (at: SQL): SQL =>
  sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * Every period from `lo` to `hi` (UTC timestamps, possibly null), as `select p from …`; `from` and
 * `to` (the query bounds, `to` exclusive) widen the span when given, so an empty period still shows.
 */
export function seriesSql(grain: Grain, lo: SQL, hi: SQL, from: Date | null, to: Date | null): SQL {
  const fromSql = from ? periodSql(grain, sql`${from.toISOString()}::timestamptz`) : lo;
  const toSql = to
    ? periodSql(grain, sql`${to.toISOString()}::timestamptz - interval '1 microsecond'`)
    : hi;
  return sql`select generate_series(${fromSql}, ${toSql}, ${step(grain)}) as p`;
}
