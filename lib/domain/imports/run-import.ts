/**
 * Runs an import (or its dry run) over the stored file, batch after batch: each row is mapped on
 * its own (a bad row never holds back the good ones), each batch is written in one transaction,
 * set-based (write-batch.ts), and progress, counts and row errors are saved after each — so a
 * cancelled or failed import keeps what it wrote, and running the file again changes nothing:
 * leads by email / external id, events by id (or a hash of lead, name, time and properties),
 * history by lead, stage and date. Imported history is dated: leads created at their date, each
 * step a transition at its date; handoffs are then scored by the live model as of their date.
 * On PostgreSQL, batches are written while the next ones are read, leads in two streams of
 * batches side by side (a lead always in the same one), and scored beside the next writes.
 */
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { imports, reasons, traitDefinitions } from "@/db/schema";
import { MAX_IMPORT_ROWS } from "@/lib/shared/imports";
import { noCounts, type BatchResult, type Counts, type Pending, type RowFailure } from "./batch";
import { countLeads, countRows } from "./dry-run";
import { detectFormat } from "./inspect";
import { LeadBatch } from "./lead-batch";
import { createRowMapper, type CellError } from "./map-row";
import { estimateRows, saveProgress, saveRowErrors } from "./progress";
import type { ImportMapping } from "./schemas";
import { historyNotes, scoreHandoffs } from "./score-imported";
import { isPostgres } from "./sql-values";
import { readRecords, TOO_LONG_MARK, uploadChunks, uploadHead } from "./upload";
import { scoreLeads, writeLeads, writeRows, type Written } from "./write-batch";
import { withTxRetry } from "@/lib/domain/ingest/retry";

/** Rows per batch (a batch is one transaction, and one progress report). */
export const BATCH = 5000;
/**
 * Leads per batch on PostgreSQL, where a lead batch is light (lead-batch.ts) and COPYed: fewer,
 * larger transactions; 20,000 took the worker past 300 MB at its peak (measured).
 */
export const PG_LEAD_BATCH = 10_000;
/**
 * Lead batches written side by side on PostgreSQL, each lead always in the same stream (so a
 * lead named twice keeps the file's order).
 */
export const LEAD_STREAMS = 2;
/**
 * The longest the reader keeps the event loop (checked every YIELD_CHECK rows). The batch being
 * written streams its COPY and answers its queries only between the reader's turns: at 500 rows
 * a turn (about 15 ms), writing a batch waited on reading the next one, and the two ran nearly
 * one after the other (measured: 10,800 → 12,500 rows/s on 200,000 rows with 1 ms turns).
 */
const YIELD_MS = 1;
const YIELD_CHECK = 16;

/** A lead's stream: a hash of its key (email, else external id). */
function streamOf(lead: { email: string | null; externalId: string | null }): number {
  const key = lead.email ?? lead.externalId ?? "";
  let h = 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  // Mixed (murmur3's finaliser): the low bits of similar keys would otherwise come in runs.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % LEAD_STREAMS;
}

export const IMPORT_ACTOR = (id: string) => `import:${id}`;

export type RunContext = {
  progress(done: number, total: number | null, phase?: string): Promise<void>;
  signal?: AbortSignal;
  now?: Date;
  /** Rows per batch, when not the engine's own (tests cross many batches with a small file). */
  batchSize?: number;
};

/** A record the mapper never sees: a line too long, or the wrong number of cells. */
function recordProblem(cells: string[], width: number): CellError | null {
  if (cells[0]?.includes(TOO_LONG_MARK))
    return {
      column: null,
      code: "line_too_long",
      message: "The line is longer than 1 MB.",
      value: null,
    };
  if (cells.length !== width && !(cells.length === 1 && cells[0] === ""))
    return {
      column: null,
      code: "wrong_column_count",
      message: `The row has ${cells.length} cells, the header ${width}.`,
      value: null,
    };
  return null;
}

export async function runImport(db: Db, importId: string, ctx: RunContext): Promise<Counts> {
  const [imp] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!imp) throw new Error(`No import ${importId}.`);
  const now = ctx.now ?? new Date();
  /** This run's clock for what it writes (updated_at), distinct from `now` even when a test sets it. */
  const stamp = new Date();
  const actor = IMPORT_ACTOR(importId);
  const mapping = imp.mapping as unknown as ImportMapping;
  const [upload] = await queryRows<{ bytes: number }>(
    db,
    sql`select bytes from import_uploads where id = ${imp.uploadId}::uuid`,
  );
  const head = await uploadHead(db, imp.uploadId);
  const format = detectFormat(head, Number(upload?.bytes ?? 0));
  const hasHeader = mapping.hasHeader ?? format.hasHeader;
  const reasonRows = await db.select({ kind: reasons.kind, code: reasons.code }).from(reasons);
  const mapper = createRowMapper(imp.kind, mapping, format.headers, {
    reject: new Set(reasonRows.filter((r) => r.kind === "reject").map((r) => r.code)),
    disqualify: new Set(reasonRows.filter((r) => r.kind === "disqualify").map((r) => r.code)),
  });
  if (!imp.dryRun && mapper.traits.length)
    await db
      .insert(traitDefinitions)
      .values(mapper.traits)
      .onConflictDoUpdate({
        target: traitDefinitions.key,
        set: { label: sql`excluded.label`, type: sql`excluded.type`, updatedAt: now },
      });

  const kind = imp.kind;
  const leadsKind = kind === "leads" || kind === "leads_outcomes";
  // On PostgreSQL, batches are written while the next ones are read and mapped (other
  // connections), leads in LEAD_STREAMS streams side by side; PGlite has one session, so there
  // each write is awaited before reading on.
  const overlap = isPostgres(db);
  const batchSize = ctx.batchSize ?? (overlap && leadsKind ? PG_LEAD_BATCH : BATCH);
  const streams = overlap && leadsKind ? LEAD_STREAMS : 1;
  const counts = noCounts();
  const total = estimateRows(head, Number(upload?.bytes ?? 0), hasHeader);
  const totalAt = (done: number) => (total === null ? null : Math.max(total, done));
  let done = 0;
  let saved = 0;
  let width = format.headers.length;
  let first = true;
  let turn = performance.now();
  const leadBatches = Array.from({ length: streams }, () => new LeadBatch());
  let rows: Pending[] = [];
  let errors: RowFailure[] = [];
  /** Each stream's last write (a stream's writes run in order), and the writes not yet settled. */
  const chains: Promise<unknown>[] = leadBatches.map(() => Promise.resolve(null));
  const queued: Promise<unknown>[] = [];
  /** The last scoring queued: one at a time, in order, beside the next batches' writes. */
  let scoring: Promise<unknown> = Promise.resolve(null);
  let reporting: Promise<void> = Promise.resolve();
  let analyzeAt = batchSize;
  /** Queues the scoring of a batch's leads once the one before is done (and waits for that). */
  const score = async (leadIds: string[]) => {
    if (!overlap) return scoreLeads(db, leadIds, now);
    const before = scoring;
    scoring = before.then((failure) =>
      failure
        ? failure
        : scoreLeads(db, leadIds, now).then(
            () => null,
            (error: unknown) => error,
          ),
    );
    const failure = await before;
    if (failure) throw failure;
  };

  const write = async (
    batch: { leads: LeadBatch; rows: Pending[] },
    rowErrors: RowFailure[],
    doneAt: number,
  ) => {
    let written: BatchResult;
    if (imp.dryRun)
      written = leadsKind
        ? await countLeads(db, batch.leads)
        : await countRows(db, kind as "events" | "outcomes", batch.rows);
    else {
      // Two streams' batches may wait on each other's leads (a lead's email in one, its
      // external id in the other): PostgreSQL then aborts one, which is written again.
      const stored: Written = leadsKind
        ? await withTxRetry(() => writeLeads(db, batch.leads, actor, now, stamp))
        : await writeRows(db, kind as "events" | "outcomes", batch.rows, actor);
      await score(stored.toScore);
      written = stored;
    }
    for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += written[k] ?? 0;
    // A bulk load outgrows the planner's statistics: refresh them as the created leads double —
    // the table's size and the keys the batches look leads up by (unique: a sample of 3,000 rows
    // tells as much as the default 30,000). All columns, fully sampled, cost four times as much
    // (measured: 410 against 100 ms at 200,000 leads); autovacuum analyzes the rest later.
    if (!imp.dryRun && counts.created >= analyzeAt) {
      analyzeAt = counts.created * 2;
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local default_statistics_target = 10`);
        await tx.execute(sql`analyze leads (id, email, external_id)`);
      });
    }
    for (const f of written.rowErrors ?? []) rowErrors.push(f);
    counts.failed += rowErrors.length;
    saved = Math.max(saved, doneAt);
    await report(rowErrors);
  };
  /**
   * Saves a batch's row errors, then the progress and counts as they stand when the save runs:
   * one save at a time, in order (streams finish out of order; the last save has every count,
   * and the progress bar never goes back).
   */
  const report = (rowErrors: RowFailure[]) => {
    reporting = reporting.then(async () => {
      await saveRowErrors(db, importId, rowErrors);
      await saveProgress(db, importId, saved, totalAt(saved), counts);
      await ctx.progress(saved, totalAt(saved), imp.dryRun ? "checking" : "importing");
    });
    return reporting;
  };
  /** Waits for the writes queued beyond `keep`, oldest first; throws the first failure. */
  const settle = async (keep = 0) => {
    while (queued.length > keep) {
      const failure = await queued.shift();
      if (failure) throw failure;
    }
  };
  /** Writes stream `s`'s batch (with the rows refused since the last write). */
  const flush = async (s: number) => {
    // One write per stream runs while the next batches are read.
    await settle(streams - 1);
    const batch = { leads: leadBatches[s], rows };
    const rowErrors = errors;
    const doneAt = done;
    leadBatches[s] = new LeadBatch();
    rows = [];
    errors = [];
    if (!overlap) return write(batch, rowErrors, doneAt);
    // After a failure, the stream's later writes do not run.
    chains[s] = chains[s].then((failure) =>
      failure
        ? failure
        : write(batch, rowErrors, doneAt).then(
            () => null,
            (error: unknown) => error,
          ),
    );
    queued.push(chains[s]);
  };

  const encoding = mapping.encoding ?? format.encoding;
  const delimiter = mapping.delimiter ?? format.delimiter;
  for await (const record of readRecords(uploadChunks(db, imp.uploadId), { encoding, delimiter })) {
    if (first) {
      first = false;
      if (hasHeader) {
        width = record.cells.length;
        continue;
      }
    }
    if (ctx.signal?.aborted) break;
    done++;
    if (done > MAX_IMPORT_ROWS) {
      done--;
      break;
    }
    // A turn of the event loop every millisecond: the batch being written needs it, on the
    // embedded database nothing here waits on I/O, and the web server shares the process.
    if (done % YIELD_CHECK === 0 && performance.now() - turn >= YIELD_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turn = performance.now();
    }
    const problem = recordProblem(record.cells, width);
    if (problem) {
      const cells = problem.code === "line_too_long" ? [] : record.cells;
      errors.push({ line: record.line, cells, errors: [problem] });
    } else {
      const mapped = mapper.map(record.cells, now);
      if (!mapped.row)
        errors.push({ line: record.line, cells: record.cells, errors: mapped.errors });
      else if (leadsKind) {
        const s = streams > 1 ? streamOf(mapped.row.lead) : 0;
        leadBatches[s].add(mapped.row, record.line, record.cells);
        if (leadBatches[s].rows + errors.length >= batchSize) await flush(s);
      } else rows.push({ line: record.line, cells: record.cells, row: mapped.row });
    }
    if (rows.length + errors.length >= batchSize) await flush(0);
  }
  for (let s = 0; s < streams; s++) await flush(s);
  await settle();
  const failure = await scoring;
  if (failure) throw failure;
  if (!imp.dryRun && !ctx.signal?.aborted) {
    await ctx.progress(done, done, "scoring");
    await scoreHandoffs(db, actor);
  }
  const notes = imp.dryRun ? [] : await historyNotes(db, actor);
  await db
    .update(imports)
    .set({ rowsDone: done, rowsTotal: done, notes, finishedAt: new Date() })
    .where(eq(imports.id, importId));
  await ctx.progress(done, done, "done");
  return counts;
}
