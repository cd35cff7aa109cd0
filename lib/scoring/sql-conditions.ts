/**
 * Conditions as SQL, mirroring conditions.ts. Every value is a bound parameter; text values are
 * folded in JavaScript with the same table as the accord_fold() SQL function.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Condition } from "./model";
import { fold } from "./text";

/** A value as SQL sees it: folded text (NULL when missing or empty) and number (NULL unless decimal). */
export type SeenSql = { text: SQL; num: SQL };

export function seenFromText(raw: SQL): SeenSql {
  return { text: sql`accord_fold(nullif(${raw}, ''))`, num: sql`accord_num(nullif(${raw}, ''))` };
}

/** An array of bound parameters (drizzle would otherwise spread a JS array into a list). */
export function arrayParam(values: readonly (string | number)[], type: "text" | "numeric" | "uuid"): SQL {
  const cast = sql.raw(type);
  if (values.length === 0) return sql`array[]::${cast}[]`;
  return sql`array[${sql.join(values.map((v) => sql`${typeof v === "number" ? String(v) : v}`), sql`, `)}]::${cast}[]`;
}

const textParam = (v: unknown) => sql`${fold(String(v))}::text`;
const numParam = (v: number) => sql`${String(v)}::numeric`;

function equalsAny(seen: SeenSql, values: unknown[]): SQL {
  const numbers = values.filter((v): v is number => typeof v === "number").map(String);
  const texts = values.filter((v) => typeof v !== "number").map((v) => fold(String(v)));
  const parts: SQL[] = [];
  if (numbers.length) parts.push(sql`${seen.num} = any(${arrayParam(numbers, "numeric")})`);
  if (texts.length) parts.push(sql`${seen.text} = any(${arrayParam(texts, "text")})`);
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`;
}

export function conditionSql(condition: Condition, seen: SeenSql): SQL {
  const { op, value } = condition;
  switch (op) {
    case "known":
      return sql`(${seen.text} is not null)`;
    case "unknown":
      return sql`(${seen.text} is null)`;
    case "eq":
      return typeof value === "number" ? sql`(${seen.num} = ${numParam(value)})` : sql`(${seen.text} = ${textParam(value)})`;
    case "neq":
      return typeof value === "number" ? sql`(${seen.num} <> ${numParam(value)})` : sql`(${seen.text} <> ${textParam(value)})`;
    case "in":
      return equalsAny(seen, value as unknown[]);
    case "contains":
      return sql`(strpos(${seen.text}, ${textParam(value)}) > 0)`;
    case "startsWith":
      return sql`starts_with(${seen.text}, ${textParam(value)})`;
    case "gte":
      return sql`(${seen.num} >= ${numParam(value as number)})`;
    case "lte":
      return sql`(${seen.num} <= ${numParam(value as number)})`;
    case "between": {
      const [min, max] = value as [number, number];
      return sql`(${seen.num} between ${numParam(min)} and ${numParam(max)})`;
    }
  }
}
