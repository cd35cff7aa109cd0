/** JSON bodies, size-capped and gunzipped (read-body.ts), with one clear message when malformed. */
import { AppError } from "@/lib/shared/errors";
import { readBody } from "./read-body";

/**
 * How deeply arrays and objects may nest in a request. Accord's deepest documents (a scoring
 * model's rules and conditions, an event's properties) stay far below it; beyond, the code that
 * walks the value (the NUL check, validation) would exhaust the stack and fail as a 500.
 */
export const MAX_JSON_DEPTH = 64;

/** True when arrays and objects in `value` nest deeper than `max` (walked without recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== "object") continue;
    if (depth > max) return true;
    for (const item of Array.isArray(node) ? node : Object.values(node))
      if (item && typeof item === "object") stack.push([item, depth + 1]);
  }
  return false;
}

/** Parses JSON text from a client: invalid or too deeply nested JSON is a 400, never a 500. */
export function parseJsonText(text: string, what = "The request body"): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", `${what} is not valid JSON.`);
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH))
    throw new AppError(
      "validation_failed",
      `${what} nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
    );
  return value;
}

/** Like readJson, but an empty body is `undefined` rather than an error. */
export async function readOptionalJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBody(request, maxBytes);
  if (!text.trim()) return undefined;
  return parseJsonText(text);
}

export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const value = await readOptionalJson(request, maxBytes);
  if (value === undefined)
    throw new AppError("validation_failed", "The request body is empty; send JSON.");
  return value;
}
