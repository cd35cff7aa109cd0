/**
 * Which failures an operator causes or can fix (bad flags, a refusal, configuration, a busy or
 * unreachable database) and the one line that says so. Anything else is a bug and keeps its stack.
 */
import { EmbeddedDbBusyError } from "@/db/embedded-lock";
import { ConfigError } from "@/lib/infra/env";
import { CliError } from "./command";

type ErrorWithCode = Error & {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  path?: string;
};

/** Network failures on the way to PostgreSQL, from Node or postgres.js. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CONNECT_TIMEOUT",
]);
/** SQLSTATEs of a server that answers but will not let us in: credentials, database, capacity. */
const REFUSED = /^(08|28|3D000$|53300$|57P03$)/;
/** The data directory cannot be used: permissions, a read-only or full disk, a file in the way. */
const UNUSABLE_DIR = new Set(["EACCES", "EPERM", "EROFS", "ENOSPC", "ENOTDIR", "EEXIST"]);

/** Errors arrive wrapped (drizzle wraps the driver's in DrizzleQueryError): look down the causes. */
function* chain(error: unknown): Generator<ErrorWithCode> {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    yield e as ErrorWithCode;
    e = e.cause;
  }
}

function isParseArgsError(error: ErrorWithCode): boolean {
  return error instanceof TypeError && Boolean(error.code?.startsWith("ERR_PARSE_ARGS"));
}

/** The one line for an expected failure, or null for a bug. */
export function expectedFailure(error: unknown, usage: string): string | null {
  for (const e of chain(error)) {
    if (e instanceof CliError || e instanceof ConfigError || e instanceof EmbeddedDbBusyError)
      return e.message;
    if (isParseArgsError(e))
      return `${e.message.replace(/\.$/, "")}. Usage: npm run cli -- ${usage}`;
    if (e.code === "ERR_INVALID_URL")
      return "Invalid configuration: DATABASE_URL is not a valid URL (postgres://user:password@host:5432/database).";
    if (e.code && UNREACHABLE.has(e.code)) {
      const where = e.address ? `${e.address}:${e.port}` : (e.hostname ?? "the DATABASE_URL host");
      return `Cannot reach PostgreSQL at ${where} (${e.code}): is it running, and is DATABASE_URL right?`;
    }
    if (e.code && REFUSED.test(e.code) && e.name === "PostgresError")
      return `PostgreSQL refused the connection: ${e.message}. Check DATABASE_URL.`;
    if (e.code && UNUSABLE_DIR.has(e.code) && e.path)
      return `Cannot use the data directory (${e.code} on ${e.path}): check ACCORD_DATA_DIR and its permissions.`;
  }
  return null;
}
