/** Turns any thrown error into the one JSON error shape: a stable code, never a stack. */
import { isDatabaseUnreachable, pgCode } from "@/db/pg-errors";
import { ANALYSIS_TIMEOUT_SECONDS, isStatementTimeout } from "@/db/statement-timeout";
import { errorFields, log } from "@/lib/infra/log";
import { AppError, type ErrorBody } from "@/lib/shared/errors";

/**
 * PostgreSQL's "data exception" answers for values it cannot hold or read (a number or date out of
 * range, text it cannot store or parse): the request's input slipped past validation, so the
 * answer is a 400, not a 500. Validation should name the field first; this is the last net.
 */
const INPUT_REFUSED_BY_DB: Record<string, string> = {
  "22001": "A text in the request is longer than can be stored.",
  "22003": "A number in the request is out of the range that can be stored.",
  "22007": "A date in the request cannot be read.",
  "22008": "A date in the request is out of the range that can be stored.",
  "22021": "A text in the request holds characters that cannot be stored.",
  "22P02": "A value in the request is not of the expected form.",
  "22P05": "A text in the request holds characters that cannot be stored.",
  "54000": "The request is too large to be processed; send less at once.",
};

/** Seconds a client is asked to wait while the database is unreachable. */
export const OUTAGE_RETRY_AFTER_SECONDS = 10;

export function toResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields) body.error.fields = error.fields;
    return Response.json(body, { status: error.status, headers: error.headers });
  }
  // A client that went away mid-request is not a server fault.
  if (error instanceof Error && (error.name === "AbortError" || error.message === "aborted")) {
    return Response.json(
      { error: { code: "validation_failed", message: "The request was aborted." } },
      { status: 400 },
    );
  }
  if (isDatabaseUnreachable(error)) {
    log.warn("database.unreachable", errorFields(error));
    const body: ErrorBody = {
      error: {
        code: "service_unavailable",
        message: "The database cannot be reached at the moment; retry shortly.",
      },
    };
    return Response.json(body, {
      status: 503,
      headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) },
    });
  }
  if (isStatementTimeout(error)) {
    log.warn("request.statement_timeout", { code: "57014" });
    return Response.json(
      {
        error: {
          code: "unprocessable",
          message: `This took longer than ${ANALYSIS_TIMEOUT_SECONDS} s and was stopped: ask for less at once (fewer rules or conditions, a shorter period).`,
        },
      },
      { status: 422 },
    );
  }
  const code = pgCode(error);
  if (code && INPUT_REFUSED_BY_DB[code]) {
    // The SQLSTATE only: the query's parameters may hold personal data.
    log.warn("request.input_refused_by_database", { code });
    return Response.json(
      { error: { code: "validation_failed", message: INPUT_REFUSED_BY_DB[code] } },
      { status: 400 },
    );
  }
  log.error("request.failed", errorFields(error));
  const body: ErrorBody = {
    error: { code: "internal", message: "Something went wrong on our side." },
  };
  return Response.json(body, { status: 500 });
}
