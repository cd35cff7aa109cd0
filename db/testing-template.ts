/**
 * Test databases on PGlite start from a dump of a freshly migrated one: a new PGlite runs initdb
 * in WebAssembly (about 4 s on CI), loading a dump takes under half that. The dump is made once
 * per set of migrations (vitest's global setup) and kept under node_modules/.cache.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "./migrate";

let known: string | undefined;

/** Hashing every migration is done once per process (a test file may open several databases). */
function templatePath(): string {
  known ??= computeTemplatePath();
  return known;
}

function computeTemplatePath(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(path.join("node_modules", "@electric-sql", "pglite", "package.json")));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(MIGRATIONS_FOLDER);
  const digest = hash.digest("hex").slice(0, 16);
  return path.join("node_modules", ".cache", "accord", `pglite-migrated-${digest}.tar`);
}

/** The migrated dump, if the global setup made it for the current migrations. */
export function readPgliteTemplate(): Blob | null {
  const file = templatePath();
  return existsSync(file) ? new Blob([readFileSync(file)]) : null;
}

/** Makes the dump for the current migrations unless it is there already. */
export async function ensurePgliteTemplate(): Promise<void> {
  const file = templatePath();
  if (existsSync(file)) return;
  const { openDb } = await import("./client");
  const { migrateDb } = await import("./migrate");
  const handle = await openDb({ kind: "pglite", dataDir: null });
  try {
    await migrateDb(handle);
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } })
      .$client;
    const dump = await client.dumpDataDir("none");
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await handle.close();
  }
}
