/** Turns any thrown error into the one JSON error shape: a stable code, never a stack. */
import { AppError, type ErrorBody } from "@/lib/shared/errors";

export function toResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields) body.error.fields = error.fields;
    return Response.json(body, { status: error.status });
  }
  // A client that went away mid-request is not a server fault.
  if (error instanceof Error && (error.name === "AbortError" || error.message === "aborted")) {
    return Response.json(
      { error: { code: "validation_failed", message: "The request was aborted." } },
      { status: 400 },
    );
  }
  console.error("[accord] unexpected error", error);
  const body: ErrorBody = {
    error: { code: "internal", message: "Something went wrong on our side." },
  };
  return Response.json(body, { status: 500 });
}
