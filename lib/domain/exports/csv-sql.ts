/**
 * The cells of an export as text, computed by the database: text cells already defused the way
 * csvField (reports/csv.ts) does it — one starting with =, +, -, @, tab or CR gets a leading
 * apostrophe — so PostgreSQL's COPY can write the CSV itself (its quoting is RFC 4180's) and
 * the PGlite path only has to quote (csvField leaves an apostrophe-led cell alone). The test
 * proves both give csvField's cells. Empty text reads as null, so both write an empty cell.
 */
import { sql, type SQL } from "drizzle-orm";

/** = + - @ tab CR, as code points (`ascii` reads the first one without copying the text). */
const FORMULA_STARTS = sql.raw("(61, 43, 45, 64, 9, 13)");

/** A text cell, defused. */
export function textCellSql(v: SQL): SQL {
  return sql`(case when ascii(${v}) in ${FORMULA_STARTS} then '''' || ${v} else nullif(${v}, '') end)`;
}

/** A number, a yes/no or a formatted timestamp: its text as it is. */
export function plainCellSql(v: SQL): SQL {
  return sql`(${v})::text`;
}

/** A JSON value: text as a text cell, numbers and yes/no as they are, objects and arrays as JSON. */
export function jsonCellSql(j: SQL): SQL {
  return sql`(case jsonb_typeof(${j})
    when 'string' then ${textCellSql(sql`(${j} #>> '{}')`)}
    when 'null' then null
    else (${j})::text end)`;
}
