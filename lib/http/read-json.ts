/** JSON bodies, size-capped and gunzipped (read-body.ts), with one clear message when malformed. */
import { AppError } from "@/lib/shared/errors";
import { readBody } from "./read-body";

/** Like readJson, but an empty body is `undefined` rather than an error. */
export async function readOptionalJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBody(request, maxBytes);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "The request body is not valid JSON.");
  }
}

export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const value = await readOptionalJson(request, maxBytes);
  if (value === undefined)
    throw new AppError("validation_failed", "The request body is empty; send JSON.");
  return value;
}
