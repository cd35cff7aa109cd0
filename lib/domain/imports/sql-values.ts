/**
 * Values handed to the database by an import: arrays with NULL elements (PGlite's path), COPY's
 * text format and postgres.js's COPY stream (PostgreSQL's path), and which of the two engines
 * a handle is.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";

/** Like arrayParam, with NULL elements (an unquoted NULL in the array literal). */
export function nullableParam(values: readonly (string | null)[], type: "text" | "uuid"): SQL {
  const literal = `{${values
    .map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`))
    .join(",")}}`;
  return sql`${literal}::${sql.raw(type)}[]`;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format (most values have nothing to escape: answered as they are). */
export const copyText = (v: string | null) =>
  v === null
    ? "\\N"
    : !COPY_SPECIAL.test(v)
      ? v
      : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

export type CopyClient = {
  unsafe(query: string): Promise<unknown> & { writable(): Promise<NodeJS.WritableStream> };
};

/** postgres.js's transaction client under a drizzle transaction; null on PGlite. */
export function copyClient(tx: Queryable): CopyClient | null {
  const client = (
    tx as unknown as { session?: { client?: { unsafe?: unknown; savepoint?: unknown } } }
  ).session?.client;
  return client && typeof client.savepoint === "function" && typeof client.unsafe === "function"
    ? (client as never)
    : null;
}

export type CopyReader = {
  unsafe(query: string): Promise<unknown> & { readable(): Promise<NodeJS.ReadableStream> };
};

/** postgres.js's client of a database on a server (to COPY out of it); null on PGlite. */
export function serverClient(db: Queryable): CopyReader | null {
  const client = (db as unknown as { $client?: { begin?: unknown; unsafe?: unknown } }).$client;
  return typeof client?.begin === "function" && typeof client.unsafe === "function"
    ? (client as never)
    : null;
}

/** A postgres.js database (a server), as opposed to PGlite's single embedded session. */
export function isPostgres(db: Db): boolean {
  return serverClient(db) !== null;
}
