/** PostgreSQL error codes (SQLSTATE) the app answers rather than treating as a server fault. */
export const UNIQUE_VIOLATION = "23505";

/** The SQLSTATE of a database error (drizzle wraps the driver's error as `cause`). */
export function pgCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  return (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
}

/** postgres.js and Node's socket codes for a server that cannot be reached or went away. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  // SQLSTATE: shutting down, starting up, crashed, too many connections.
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/**
 * True when the error (or what it wraps) says the database cannot be reached — an outage the
 * client should retry later (503), not a fault in the request or the code.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08")))
    return true;
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.some((e) => isDatabaseUnreachable(e, depth + 1))) return true;
  return isDatabaseUnreachable((error as { cause?: unknown }).cause, depth + 1);
}
