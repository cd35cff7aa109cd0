/**
 * The database the Olist scripts use, opened the way the CLI does: DATABASE_URL when set, else an
 * embedded PGlite under `--data-dir` (default .data/olist, so the demo database is left untouched).
 */
import path from "node:path";
import { openDb, type DbHandle } from "../db/client";
import { migrateDb } from "../db/migrate";
import { dbEnv } from "../lib/infra/env";

export const DEFAULT_OLIST_DATA_DIR = ".data/olist";

export async function openOlistDb(
  dataDir: string | undefined,
  holder: string,
): Promise<{ handle: DbHandle; where: string }> {
  const url = dbEnv().DATABASE_URL;
  if (url) {
    const handle = await openDb({ kind: "postgres", url });
    await migrateDb(handle);
    return { handle, where: `PostgreSQL at ${new URL(url).host}${new URL(url).pathname}` };
  }
  const dir = path.resolve(dataDir ?? DEFAULT_OLIST_DATA_DIR);
  const handle = await openDb({ kind: "pglite", dataDir: dir, holder });
  await migrateDb(handle);
  return { handle, where: `embedded PGlite at ${dir}` };
}
