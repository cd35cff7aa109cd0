/**
 * Input PostgreSQL cannot store, refused at the door with the place it was found rather than
 * failing deep in a query as a 500: the NUL character (U+0000) in any string of a query string,
 * a path parameter or a JSON body, and a JSON body that is just `null`.
 */
import { AppError } from "@/lib/shared/errors";

const NUL = "\u0000";
const MESSAGE = "Text may not contain the NUL character (\\u0000).";

/** The path (`events.3.name`, `q`) of the first string holding a NUL, or null. */
export function nulPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path || "(body)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return path ? `${path}.${key.replaceAll(NUL, "")}` : "(a key)";
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

export function refuseNul(value: unknown, where: string): void {
  const path = nulPath(value);
  if (path)
    throw new AppError("validation_failed", `The ${where} is not valid: ${MESSAGE}`, {
      [path]: [MESSAGE],
    });
}

export function refuseNullBody(body: unknown, optional: boolean | undefined): unknown {
  if (body !== null) return body;
  if (optional) return undefined;
  throw new AppError("validation_failed", "The request body is not valid: null is not accepted.", {
    "(body)": ["Send a JSON object (or array), not null."],
  });
}
