import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";

/**
 * A statement written with `$1, $2…` placeholders (as pg-boss writes its own) as a drizzle query,
 * so pg-boss can insert a job inside one of our transactions: the job exists if and only if the
 * change that asked for it committed.
 */
export function rawSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${param(values[Number(part) - 1])}`);
  });
  return sql.join(chunks, sql.raw(""));
}

/** As node-postgres sends them: undefined as null, plain objects as JSON text (arrays, dates and scalars as they are). */
function param(value: unknown): unknown {
  if (value === undefined) return null;
  if (
    value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !Buffer.isBuffer(value)
  )
    return JSON.stringify(value);
  return value;
}

/** pg-boss's database interface over any of our queryables (the pool or an open transaction). */
export function bossDb(q: Queryable) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await queryRows<Record<string, unknown>>(q, rawSql(text, values)),
    }),
  };
}
