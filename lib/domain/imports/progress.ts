/**
 * Where an import stands, as people see it: the rows read, the total expected (estimated from the
 * file's head until the end gives the exact count), the counts so far and the row errors — saved
 * after every batch, so a cancelled or failed import shows what it did.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importRowErrors, imports } from "@/db/schema";
import type { Counts, RowFailure } from "./batch";

export async function saveRowErrors(db: Db, importId: string, failures: RowFailure[]) {
  if (!failures.length) return;
  await db.insert(importRowErrors).values(
    failures.flatMap((e) =>
      e.errors.map((err, i) => ({
        importId,
        line: e.line,
        column: err.column,
        code: err.code,
        message: err.message,
        value: err.value,
        cells: i === 0 ? e.cells : null,
      })),
    ),
  );
}

export async function saveProgress(
  db: Db,
  importId: string,
  done: number,
  total: number | null,
  counts: Counts,
) {
  await db
    .update(imports)
    .set({
      rowsDone: done,
      rowsTotal: total,
      created: counts.created,
      updated: counts.updated,
      skipped: counts.skipped,
      failed: counts.failed,
      historyCreated: counts.historyCreated,
      historySkipped: counts.historySkipped,
    })
    .where(eq(imports.id, importId));
}

/**
 * The number of data rows, known before reading the file: exact when the stored head is the whole
 * file, else estimated from the head's line length (the exact count replaces it at the end).
 */
export function estimateRows(head: Buffer, bytes: number, hasHeader: boolean): number | null {
  if (!head.length || !bytes) return null;
  let lines = 0;
  for (let i = head.indexOf(10); i !== -1; i = head.indexOf(10, i + 1)) lines++;
  if (head.length >= bytes) {
    if (head[head.length - 1] !== 10) lines++;
    return Math.max(0, lines - (hasHeader ? 1 : 0));
  }
  if (!lines) return null;
  return Math.max(0, Math.round((bytes * lines) / head.length) - (hasHeader ? 1 : 0));
}
