/**
 * Conditions as SQL, mirroring conditions.ts. Every value is a bound parameter; text values are
 * folded in JavaScript with the same table the SQL fold uses.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Condition } from "./model";
import { arrayParam } from "@/db/sql-array";
import { fold, FOLD_LOWER, FOLD_UPPER } from "./text";

/** A value as SQL sees it: folded text (NULL when missing or empty) and number (NULL unless decimal). */
export type SeenSql = { text: SQL; num: SQL };

// Our own constants (no quotes inside), inlined so the planner treats them as literals.
const UPPER = sql.raw(`'${FOLD_UPPER}'`);
const LOWER = sql.raw(`'${FOLD_LOWER}'`);

/**
 * Case folding as in text.ts: ASCII-only strings (the common case) through lower() in the "C"
 * collation, which folds exactly A–Z on every server; others through translate() with the table.
 */
export function foldSql(value: SQL): SQL {
  return sql`(case when octet_length(${value}) = char_length(${value}) then lower((${value}) collate "C") else translate(${value}, ${UPPER}, ${LOWER}) end)`;
}

export function decimalSql(value: SQL): SQL {
  return sql`(case when ${value} ~ '^-?[0-9]+(\\.[0-9]+)?$' then (${value})::numeric end)`;
}

/** A JSON scalar (string, number, boolean) at a path as text; objects, arrays, null and "" are NULL. */
export function jsonTextSql(doc: SQL, path: string[]): SQL {
  const p = arrayParam(path, "text");
  return path.length === 1
    ? sql`(case when jsonb_typeof(${doc} -> ${path[0]}::text) in ('string', 'number', 'boolean') then nullif(${doc} ->> ${path[0]}::text, '') end)`
    : sql`(case when jsonb_typeof(${doc} #> ${p}) in ('string', 'number', 'boolean') then nullif(${doc} #>> ${p}, '') end)`;
}

/** `raw` must already be NULL for missing or empty values. */
export function seenFromText(raw: SQL): SeenSql {
  return { text: foldSql(raw), num: decimalSql(raw) };
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

/** Which views of a value a condition reads. */
export function needs(condition: Condition): { text: boolean; num: boolean } {
  switch (condition.op) {
    case "gte":
    case "lte":
    case "between":
      return { text: false, num: true };
    case "eq":
    case "neq":
      return typeof condition.value === "number"
        ? { text: false, num: true }
        : { text: true, num: false };
    case "in": {
      const values = condition.value as unknown[];
      return {
        text: values.some((v) => typeof v !== "number"),
        num: values.some((v) => typeof v === "number"),
      };
    }
    default:
      return { text: true, num: false };
  }
}

export function conditionSql(condition: Condition, seen: SeenSql): SQL {
  const { op, value } = condition;
  switch (op) {
    case "known":
      return sql`(${seen.text} is not null)`;
    case "unknown":
      return sql`(${seen.text} is null)`;
    case "eq":
      return typeof value === "number"
        ? sql`(${seen.num} = ${numParam(value)})`
        : sql`(${seen.text} = ${textParam(value)})`;
    case "neq":
      return typeof value === "number"
        ? sql`(${seen.num} <> ${numParam(value)})`
        : sql`(${seen.text} <> ${textParam(value)})`;
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
