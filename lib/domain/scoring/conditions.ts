/**
 * How one condition (operator + value) matches a value, in memory. The SQL compiler
 * (sql-conditions.ts) writes the same rules as SQL; the differential test holds them together.
 *
 * A value is seen two ways: as folded text (null when missing or empty) and as a number (null
 * when it is not plain decimal text). Text operators use the first, numeric operators the second;
 * eq / neq / in compare as numbers when the rule's value is a number, as text otherwise.
 * A missing value matches nothing but `unknown` (so `neq` needs a known value).
 */
import type { Condition } from "./model";
import { fold } from "./text";

export type Seen = { text: string | null; num: number | null };

function equals(seen: Seen, value: unknown): boolean {
  if (typeof value === "number") return seen.num !== null && seen.num === value;
  return seen.text !== null && seen.text === fold(String(value));
}

export function matches(condition: Condition, seen: Seen): boolean {
  const { op, value } = condition;
  switch (op) {
    case "known":
      return seen.text !== null;
    case "unknown":
      return seen.text === null;
    case "eq":
      return equals(seen, value);
    case "neq":
      return typeof value === "number"
        ? seen.num !== null && seen.num !== value
        : seen.text !== null && seen.text !== fold(String(value));
    case "in":
      return (value as unknown[]).some((v) => equals(seen, v));
    case "contains":
      return seen.text !== null && seen.text.includes(fold(String(value)));
    case "startsWith":
      return seen.text !== null && seen.text.startsWith(fold(String(value)));
    case "gte":
      return seen.num !== null && seen.num >= (value as number);
    case "lte":
      return seen.num !== null && seen.num <= (value as number);
    case "between": {
      const [min, max] = value as [number, number];
      return seen.num !== null && seen.num >= min && seen.num <= max;
    }
  }
}
