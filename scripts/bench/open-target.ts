/** A bench target: a PostgreSQL URL, or `pglite:<dir>` for the embedded database. */
import { openDb } from "../../db/client";

export const openTarget = (target: string, max = 2) =>
  target.startsWith("pglite:")
    ? openDb({ kind: "pglite", dataDir: target.slice("pglite:".length), holder: "bench" })
    : openDb({ kind: "postgres", url: target, max });
