import { sql, type SQL } from "drizzle-orm";

/**
 * A JS array as ONE bound parameter holding a PostgreSQL array literal (drizzle would spread it
 * into one parameter per element: 1,500 parameters for 500 leads used three times). Elements are
 * double-quoted and escaped, so any string is safe; it is a value, never SQL.
 */
export function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === "number" ? String(v) : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

export function arrayParam(
  values: readonly (string | number)[],
  type: "text" | "numeric" | "uuid" | "bigint",
): SQL {
  return sql`${arrayLiteral(values)}::${sql.raw(type)}[]`;
}
