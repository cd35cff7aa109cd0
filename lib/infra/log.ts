/**
 * The server's one logger: one JSON line per event, `{ time, level, event, requestId, …fields }`.
 * Fields are ids, codes and counts — never personal data (emails, names, phones) nor a query's
 * SQL or parameters: a request id ties a line to the request instead. Security events (sign-in
 * failures, lock-outs, refused sessions and requests, API key use) go through `securityEvent`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID } from "node:crypto";

type Value = string | number | boolean | null | undefined;
export type LogFields = Record<string, Value>;
type Level = "info" | "warn" | "error";

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` with a request id every log line inside it carries (given, or a new one). */
export function withRequestId<T>(requestId: string | null, fn: () => T): T {
  return requestScope.run({ requestId: safeRequestId(requestId) ?? randomUUID() }, fn);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** A client's X-Request-Id is kept when it is a plain token; anything else is replaced. */
function safeRequestId(value: string | null): string | null {
  return value && /^[A-Za-z0-9._-]{1,64}$/.test(value) ? value : null;
}

function write(level: Level, event: string, fields: LogFields = {}) {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    event,
    requestId: currentRequestId(),
    ...fields,
  });
  if (level === "info") console.log(line);
  else console.error(line);
}

export const log = {
  info: (event: string, fields?: LogFields) => write("info", event, fields),
  warn: (event: string, fields?: LogFields) => write("warn", event, fields),
  error: (event: string, fields?: LogFields) => write("error", event, fields),
};

export type SecurityEvent =
  | "signin.failed"
  | "signin.lockout"
  | "signin.locked_refused"
  | "signin.succeeded"
  | "session.refused"
  | "session.revoked"
  | "request.refused"
  | "rate_limit.exceeded"
  | "api_key.used"
  | "api_key.refused";

export function securityEvent(event: SecurityEvent, fields: LogFields = {}) {
  write(event === "signin.succeeded" || event === "api_key.used" ? "info" : "warn", event, {
    security: true,
    ...fields,
  });
}

/**
 * A stable pseudonym for an email in the logs: the same account gives the same value, so
 * repeated failures can be followed, but the address itself is never written.
 */
export function accountTag(email: string): string {
  return createHash("sha256")
    .update(`accord-log:${email.trim().toLowerCase()}`)
    .digest("hex")
    .slice(0, 16);
}

/**
 * What may be logged of an error: its class, its SQLSTATE and its stack frames. A database
 * error's message may quote the query, its parameters or a value (`Key (email)=(…)`), so it is
 * dropped; other messages are kept, cut short.
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const cause = (error as { cause?: unknown }).cause;
  const code =
    (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  const fromDb =
    code !== undefined ||
    error.name === "DrizzleQueryError" ||
    error.message.startsWith("Failed query");
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(" | ");
  return {
    error: error.name,
    code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
    message: fromDb ? undefined : error.message.slice(0, 300),
    stack: frames || undefined,
  };
}
