/**
 * Text and number semantics shared by the evaluator and the SQL compiler (sql-conditions.ts).
 * Comparisons are case-insensitive for A–Z and the Latin-1 capitals, the same on every database
 * locale.
 */
export const FOLD_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŒŸ";
export const FOLD_LOWER = "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþœÿ";
const FOLD = new Map([...FOLD_UPPER].map((c, i) => [c, [...FOLD_LOWER][i]]));
const FOLDABLE = new RegExp(`[${FOLD_UPPER}]`, "g");

export function fold(value: string): string {
  return value.replace(FOLDABLE, (c) => FOLD.get(c)!);
}

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** A number written as plain decimal text, else null. */
export function parseDecimal(value: string | null): number | null {
  return value !== null && DECIMAL.test(value) ? Number(value) : null;
}

/** A JSON scalar as the text PostgreSQL's `#>>` gives; objects, arrays and null are unknown. */
export function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "true" : "false";
  return null;
}

/** Follows a dot-separated path into an object. */
export function atPath(doc: Record<string, unknown> | null | undefined, path: string[]): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (Array.isArray(current)) {
      // PostgreSQL's #> reads arrays by zero-based index.
      if (!/^[0-9]+$/.test(key)) return undefined;
      current = current[Number(key)];
    } else if (current !== null && typeof current === "object") {
      current = (current as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return current;
}
