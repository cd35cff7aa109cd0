/**
 * Typed errors with stable codes. Expected failures are values; these are thrown and turned
 * into one JSON shape by `toResponse`, never a stack trace.
 */
import { z } from "zod";

export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  unprocessable: 422,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = "AppError";
  /** Headers the answer carries (`Retry-After` on a 429 or 503…). */
  headers?: Record<string, string>;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Field path → messages, e.g. `{ "events.3.name": ["Required"] }`. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(
  error: z.ZodError,
  message = "The request is not valid.",
): AppError {
  return new AppError("validation_failed", message, fieldErrors(error));
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } };
