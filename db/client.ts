/**
 * One database handle, two engines behind the same `Db` type:
 * - PGlite (embedded Postgres in WebAssembly) under <data dir>/pglite when DATABASE_URL is unset;
 * - postgres.js against a real server when it is set.
 */
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { dbEnv } from "@/lib/infra/env";
import { acquireEmbeddedLock } from "./embedded-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DbKind = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** The server's address (PostgreSQL only): the job queue opens its own connections to it. */
  url?: string;
  close(): Promise<void>;
}

export type OpenOptions =
  | { kind: "postgres"; url: string; max?: number }
  | {
      kind: "pglite";
      dataDir: string | null;
      holder?: string;
      /** Start from this dump of a data directory (tests start from a migrated one). */
      loadDataDir?: Blob;
    };

/** Opens a new handle. `dataDir: null` gives an in-memory PGlite (tests). */
export async function openDb(options: OpenOptions): Promise<DbHandle> {
  if (options.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, {
      max: options.max ?? 10,
      // While the server is unreachable a request fails after 5 s (answered 503), never hangs.
      connect_timeout: 5,
      onnotice: () => {},
      connection: { application_name: "accord" },
    });
    const db: Db = drizzle({ client, schema });
    return { db, kind: "postgres", url: options.url, close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  let dir: string | undefined;
  if (options.dataDir) {
    release = acquireEmbeddedLock(
      options.dataDir,
      options.holder ?? `process ${process.argv[1] ?? ""}`,
    );
    dir = path.join(options.dataDir, "pglite");
  }
  try {
    const client = await PGlite.create({
      ...(dir ? { dataDir: dir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db: Db = drizzle({ client, schema });
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Options for this process's database, from the environment. */
export function defaultOpenOptions(holder: string): OpenOptions {
  const env = dbEnv();
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: env.dataDir, holder };
}

declare global {
  var accordDb: Promise<DbHandle> | undefined;
}

/** The process-wide handle, opened on first use and cached on globalThis (survives dev reloads). */
export function getDbHandle(holder = "the Accord server"): Promise<DbHandle> {
  globalThis.accordDb ??= openDb(defaultOpenOptions(holder)).catch((error) => {
    globalThis.accordDb = undefined;
    throw error;
  });
  return globalThis.accordDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
