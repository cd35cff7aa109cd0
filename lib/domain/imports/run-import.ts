/**
 * Runs an import (or its dry run) over the stored file, batch after batch: each row is mapped on
 * its own (a bad row never holds back the good ones), each batch is written in one transaction,
 * set-based (write-batch.ts), and progress, counts and row errors are saved after each — so a
 * cancelled or failed import keeps what it wrote, and running the file again changes nothing:
 * leads by email / external id, events by id (or a hash of lead, name, time and properties),
 * history by lead, stage and date. Imported history is dated: leads created at their date, each
 * step a transition at its date; handoffs are then scored by the live model as of their date.
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
import { scoreLeads, scoreUnscored, writeLeads, writeRows, type Written } from "./write-batch";

/** Rows per batch (a batch is one transaction, and one progress report). */
export const BATCH = 5000;
/**
 * Leads per batch on PostgreSQL, where a lead batch is light (lead-batch.ts) and COPYed: fewer,
 * larger transactions; 20,000 took the worker past 300 MB at its peak (measured).
 */
export const PG_LEAD_BATCH = 10_000;
/** Rows read between two turns of the event loop. */
const YIELD_EVERY = 500;

export const IMPORT_ACTOR = (id: string) => `import:${id}`;

export type RunContext = {
  progress(done: number, total: number | null, phase?: string): Promise<void>;
  signal?: AbortSignal;
  now?: Date;
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
  // On PostgreSQL, batch N is written while batch N+1 is read and mapped (two connections);
  // PGlite has one session, so there each write is awaited before reading on.
  const overlap = isPostgres(db);
  const batchSize = overlap && leadsKind ? PG_LEAD_BATCH : BATCH;
  const counts = noCounts();
  const total = estimateRows(head, Number(upload?.bytes ?? 0), hasHeader);
  const totalAt = (done: number) => (total === null ? null : Math.max(total, done));
  let done = 0;
  let width = format.headers.length;
  let first = true;
  let leadBatch = new LeadBatch();
  let rows: Pending[] = [];
  let errors: RowFailure[] = [];
  let inflight: Promise<unknown> = Promise.resolve(null);
  /** The scoring of the last batch written (on PostgreSQL, beside the next batch's write). */
  let scoring: Promise<unknown> = Promise.resolve(null);
  let analyzeAt = batchSize;
  const settleScoring = async () => {
    const failure = await scoring;
    scoring = Promise.resolve(null);
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
      const stored: Written = leadsKind
        ? await writeLeads(db, batch.leads, actor, now, stamp)
        : await writeRows(db, kind as "events" | "outcomes", batch.rows, actor);
      // One scoring at a time, in order; on PostgreSQL it runs while the next batch is written.
      await settleScoring();
      const job = scoreLeads(db, stored.toScore, now);
      if (overlap)
        scoring = job.then(
          () => null,
          (error: unknown) => error,
        );
      else await job;
      written = stored;
    }
    for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += written[k] ?? 0;
    // A bulk load outgrows the planner's statistics: refresh them as the created leads double.
    if (!imp.dryRun && counts.created >= analyzeAt) {
      analyzeAt = counts.created * 2;
      await db.execute(sql`analyze leads`);
    }
    for (const f of written.rowErrors ?? []) rowErrors.push(f);
    counts.failed += rowErrors.length;
    await saveRowErrors(db, importId, rowErrors);
    await saveProgress(db, importId, doneAt, totalAt(doneAt), counts);
    await ctx.progress(doneAt, totalAt(doneAt), imp.dryRun ? "checking" : "importing");
  };
  const settle = async () => {
    const failure = await inflight;
    inflight = Promise.resolve(null);
    if (failure) throw failure;
  };
  const flush = async () => {
    await settle();
    const job = write({ leads: leadBatch, rows }, errors, done);
    leadBatch = new LeadBatch();
    rows = [];
    errors = [];
    if (overlap)
      inflight = job.then(
        () => null,
        (error: unknown) => error,
      );
    else await job;
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
    // A turn of the event loop now and then: on the embedded database nothing here waits on I/O,
    // and the web server shares the process (lib/jobs/execute.ts says the same per report).
    if (done % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const problem = recordProblem(record.cells, width);
    if (problem) {
      const cells = problem.code === "line_too_long" ? [] : record.cells;
      errors.push({ line: record.line, cells, errors: [problem] });
    } else {
      const mapped = mapper.map(record.cells, now);
      if (!mapped.row)
        errors.push({ line: record.line, cells: record.cells, errors: mapped.errors });
      else if (leadsKind) leadBatch.add(mapped.row);
      else rows.push({ line: record.line, cells: record.cells, row: mapped.row });
    }
    if (leadBatch.rows + rows.length + errors.length >= batchSize) await flush();
  }
  await flush();
  await settle();
  await settleScoring();
  if (!imp.dryRun) await scoreUnscored(db, now, batchSize);
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
