/**
 * The browser's one way to the API: an openapi-fetch client typed by the generated paths
 * (api-schema.d.ts, from the contracts), and `call`, which returns the answer's data or throws
 * one `ApiError` whose code the UI turns into a translated message (use-api-error.ts).
 */
import createClient from "openapi-fetch";
import type { ErrorCode, FieldErrors } from "@/lib/shared/errors";
import type { paths } from "./api-schema";

export const api = createClient<paths>({ baseUrl: "" });

/** Every failure the UI can meet: the API's error codes, and the network being unreachable. */
export type ApiErrorCode = ErrorCode | "network";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }

  static from(status: number, body: unknown): ApiError {
    const error = (
      body as { error?: { code?: ErrorCode; message?: string; fields?: FieldErrors } } | null
    )?.error;
    return new ApiError(
      error?.code ?? (status >= 500 ? "internal" : "validation_failed"),
      status,
      error?.message ?? `HTTP ${status}`,
      error?.fields,
    );
  }
}

type Answer<D> = { data?: D; error?: unknown; response: Response };

/** The JSON of a successful answer; any other answer (or no answer) throws an ApiError. */
export async function call<D>(pending: Promise<Answer<D>>): Promise<D> {
  let answer: Answer<D>;
  try {
    answer = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("network", 0, "The server could not be reached.");
  }
  if (answer.error !== undefined || !answer.response.ok)
    throw ApiError.from(answer.response.status, answer.error ?? null);
  return answer.data as D;
}

/** Shorthand for the common `{ data: … }` envelope. */
export async function callData<D>(pending: Promise<Answer<{ data: D }>>): Promise<D> {
  return (await call(pending)).data;
}
