/**
 * PGlite keeps its data in files that only one process may open. Whoever opens the embedded
 * database (the web server or a CLI command) takes this lock; a second process is refused with
 * a clear message instead of corrupting the data. A lock left by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class EmbeddedDbBusyError extends Error {
  override name = "EmbeddedDbBusyError";
  constructor(
    readonly pid: number,
    readonly holder: string,
  ) {
    super(
      `The embedded database is in use by ${holder} (pid ${pid}). Stop it first, or run against PostgreSQL with DATABASE_URL.`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireEmbeddedLock(dataDir: string, holder: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, holder }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(readFileSync(file, "utf8")) as { pid: number };
          if (current.pid === process.pid) rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner: { pid: number; holder: string } | null = null;
      try {
        owner = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        owner = null; // half-written or unreadable: treat as stale
      }
      if (owner && owner.pid !== process.pid && alive(owner.pid)) {
        throw new EmbeddedDbBusyError(owner.pid, owner.holder);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the embedded database lock at ${file}`);
}
