/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a uniquely named
 * database created on the server when DATABASE_URL is set (dropped again by `close`).
 */
import { randomBytes } from "node:crypto";
import { dbEnv } from "@/lib/infra/env";
import { openDb, type DbHandle } from "./client";
import { migrateDb } from "./migrate";
import { readPgliteTemplate } from "./testing-template";

export type TestDb = Omit<DbHandle, "url"> & { url: string | null };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** `migrate: false` leaves the database as a new deployment finds it: no tables at all. */
export async function createTestDb(
  prefix = "accord_test",
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestDb> {
  const serverUrl = dbEnv().DATABASE_URL;
  if (!serverUrl) {
    // From the migrated dump when there is one (migrating again is then a no-op that checks it).
    const template = migrate ? readPgliteTemplate() : null;
    const handle = await openDb({
      kind: "pglite",
      dataDir: null,
      loadDataDir: template ?? undefined,
    });
    if (migrate) await migrateDb(handle);
    return { ...handle, url: null };
  }
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`); // name is generated above, never user input
  const url = withDatabase(serverUrl, name);
  const handle = await openDb({ kind: "postgres", url, max: 5 });
  if (migrate) await migrateDb(handle);
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
