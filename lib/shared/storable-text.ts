/**
 * Text PostgreSQL cannot store: the NUL character (U+0000), refused by text columns and by jsonb,
 * and a lone UTF-16 surrogate (\ud800 without its pair), which jsonb refuses and text would turn
 * into U+FFFD. Found anywhere in a JSON value, with the path of the first string (or key) that
 * holds one, so a route or a batch item can be refused naming its place.
 */
import { z } from "zod";

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_MESSAGE =
  "Text may not contain the NUL character (\\u0000) or an unpaired surrogate (\\ud800–\\udfff).";

export const isStorableText = (s: string) => !UNSTORABLE.test(s);

/** The path (`events.3.name`, `q`) of the first string holding unstorable text, or null. */
export function unstorablePath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path || "(body)";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorablePath(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) {
        const clean = key.replace(new RegExp(UNSTORABLE, "g"), "");
        return path ? `${path}.${clean}` : clean || "(a key)";
      }
      const found = unstorablePath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A batch item's schema that first refuses unstorable text anywhere in the item, naming its field,
 * then applies `schema`: used by the use cases that validate items one by one.
 */
export function storable<S extends z.ZodType>(schema: S) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      const path = unstorablePath(value);
      if (path)
        ctx.addIssue({
          code: "custom",
          message: UNSTORABLE_MESSAGE,
          path: path === "(body)" ? [] : path.split("."),
          abort: true,
        });
    })
    .pipe(schema);
}
