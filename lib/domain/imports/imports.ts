/**
 * Imports as use cases: check a mapping against the stored file before anything is queued (422
 * naming `file` or `mapping…`), record the import, read it back as the API shows it, its failed
 * rows as CSV, and saved mappings. Queueing the job is the caller's (lib/jobs), so the domain
 * stays free of the job runner.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import {
  importMappings,
  importRowErrors,
  imports,
  importUploads,
  jobs,
  type ImportRow,
} from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { FIELDS_BY_KIND, type ImportKind, type ImportState } from "@/lib/shared/imports";
import { detectFormat, problem } from "./inspect";
import { importMappingSchema, type ImportMapping, type ImportView } from "./schemas";
import { suggestMapping } from "./suggest";
import { uploadHead } from "./upload";

const unprocessable = (field: string, message: string) =>
  new AppError("unprocessable", message, { [field]: [message] });

/** The mapping to use (given, saved, or suggested), checked against the file and the kind. */
export async function prepareImport(
  db: Queryable,
  input: { uploadId: string; kind: ImportKind; mapping?: unknown; mappingId?: string },
): Promise<ImportMapping> {
  const [upload] = await db
    .select()
    .from(importUploads)
    .where(eq(importUploads.id, input.uploadId));
  if (!upload)
    throw new AppError("not_found", "No upload with this id.", {
      uploadId: ["No upload with this id."],
    });
  const format = detectFormat(await uploadHead(db, upload.id), upload.bytes);
  if (format.problems.length) throw unprocessable("file", format.problems[0].message);
  let mapping: ImportMapping;
  if (input.mappingId) {
    const [saved] = await db
      .select()
      .from(importMappings)
      .where(eq(importMappings.id, input.mappingId));
    if (!saved) throw unprocessable("mappingId", "No saved mapping with this id.");
    mapping = importMappingSchema.parse(saved.mapping);
  } else if (input.mapping !== undefined) {
    const parsed = importMappingSchema.safeParse(input.mapping);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw unprocessable(["mapping", ...issue.path.map(String)].join("."), issue.message);
    }
    mapping = parsed.data;
  } else {
    mapping = suggestMapping(format.headers, format.rows, {
      kind: input.kind,
      dateOrder: format.dateOrder.detected,
    }).mapping;
  }
  const width = format.headers.length;
  const allowed = new Set(FIELDS_BY_KIND[input.kind]);
  const seen = new Set<string>();
  for (const [i, c] of mapping.columns.entries()) {
    if (c.index >= width)
      throw unprocessable(`mapping.columns.${i}.index`, problem("unknown_column").message);
    if (c.target.to !== "field") continue;
    if (!allowed.has(c.target.field))
      throw unprocessable(
        `mapping.columns.${i}.target`,
        `A ${input.kind} file has no field ${c.target.field}.`,
      );
    if (seen.has(c.target.field))
      throw unprocessable(`mapping.columns.${i}.target`, problem("duplicate_field").message);
    seen.add(c.target.field);
  }
  if (!seen.has("email") && !seen.has("externalId"))
    throw unprocessable("mapping.columns", problem("missing_key_column").message);
  const dateColumns = mapping.columns.filter(
    (c) =>
      (c.target.to === "field" && /At$/.test(c.target.field)) ||
      (c.target.to === "trait" && c.target.type === "date"),
  );
  if (!mapping.dateOrder && format.dateOrder.ambiguous && dateColumns.length)
    throw unprocessable("mapping.dateOrder", problem("date_order_needed").message);
  return { ...mapping, dateOrder: mapping.dateOrder ?? format.dateOrder.detected ?? undefined };
}

export async function createImportRecord(
  db: Queryable,
  input: {
    uploadId: string;
    kind: ImportKind;
    mapping: ImportMapping;
    dryRun: boolean;
    requestedBy: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(imports)
    .values({
      uploadId: input.uploadId,
      kind: input.kind,
      dryRun: input.dryRun,
      mapping: input.mapping as unknown as Record<string, unknown>,
      requestedBy: input.requestedBy,
    })
    .returning({ id: imports.id });
  return row.id;
}

export async function attachJob(db: Queryable, importId: string, jobId: string) {
  await db.update(imports).set({ jobId }).where(eq(imports.id, importId));
}

type Joined = ImportRow & {
  fileName: string;
  bytes: number;
  jobState: ImportState | null;
  jobError: string | null;
};

async function loadImports(db: Queryable, where: ReturnType<typeof eq> | undefined, limit: number) {
  return (
    await db
      .select({
        imp: imports,
        fileName: importUploads.fileName,
        bytes: importUploads.bytes,
        jobState: jobs.state,
        jobError: jobs.error,
      })
      .from(imports)
      .innerJoin(importUploads, eq(importUploads.id, imports.uploadId))
      .leftJoin(jobs, eq(jobs.id, imports.jobId))
      .where(where)
      .orderBy(desc(imports.createdAt))
      .limit(limit)
  ).map(
    (r) =>
      ({
        ...r.imp,
        fileName: r.fileName,
        bytes: r.bytes,
        jobState: r.jobState,
        jobError: r.jobError,
      }) as Joined,
  );
}

async function view(db: Queryable, row: Joined): Promise<ImportView> {
  const errors = await db
    .select()
    .from(importRowErrors)
    .where(eq(importRowErrors.importId, row.id))
    .orderBy(asc(importRowErrors.line))
    .limit(100);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from import_row_errors where import_id = ${row.id}::uuid`,
  );
  const state: ImportState = row.jobState ?? (row.finishedAt ? "done" : "queued");
  return {
    id: row.id,
    jobId: row.jobId,
    kind: row.kind,
    dryRun: row.dryRun,
    fileName: row.fileName,
    bytes: Number(row.bytes),
    uploadId: row.uploadId,
    state,
    progress: {
      done: Number(row.rowsDone),
      total: row.rowsTotal === null ? null : Number(row.rowsTotal),
    },
    counts: {
      created: row.created,
      updated: row.updated,
      skipped: row.skipped,
      failed: row.failed,
    },
    outcomes: { created: row.historyCreated, skipped: row.historySkipped },
    errors: errors.map((e) => ({
      line: e.line,
      column: e.column,
      code: e.code as ImportView["errors"][number]["code"],
      message: e.message,
      value: e.value,
    })),
    errorCount: count?.n ?? 0,
    failedCsv: row.failed > 0 ? `/api/v1/imports/${row.id}/failed.csv` : null,
    error: state === "failed" ? row.jobError : null,
    notes: row.notes,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

export async function getImportView(db: Queryable, id: string): Promise<ImportView | null> {
  const [row] = await loadImports(db, eq(imports.id, id), 1);
  return row ? view(db, row) : null;
}

export async function listImportViews(db: Queryable, limit: number): Promise<ImportView[]> {
  const rows = await loadImports(db, undefined, limit);
  return Promise.all(rows.map((r) => view(db, r)));
}

const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const csvCell = (v: string) => {
  const s = defuse(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The failed rows as CSV lines: the header, then each row's cells, its line and its errors. */
export async function* failedRowsCsv(
  db: Queryable,
  importId: string,
  headers: string[],
): AsyncGenerator<string> {
  yield "\ufeff" + [...headers, "line", "error"].map(csvCell).join(",") + "\r\n";
  let after = 0;
  for (;;) {
    const rows = await queryRows<{ line: number; cells: string[] | null; message: string }>(
      db,
      sql`select line, (array_agg(cells) filter (where cells is not null))[1] as cells,
                 string_agg(coalesce("column" || ': ', '') || message, ' | ') as message
          from import_row_errors where import_id = ${importId}::uuid and line > ${after}::int
          group by line order by line limit 1000`,
    );
    if (!rows.length) return;
    for (const r of rows) {
      const cells = headers.map((_, i) => r.cells?.[i] ?? "");
      yield [...cells, String(r.line), r.message].map(csvCell).join(",") + "\r\n";
    }
    after = rows[rows.length - 1].line;
  }
}

export async function importHeaders(db: Queryable, uploadId: string): Promise<string[]> {
  const [upload] = await db.select().from(importUploads).where(eq(importUploads.id, uploadId));
  return detectFormat(await uploadHead(db, uploadId), upload?.bytes ?? 0).headers;
}

export async function listSavedMappings(db: Queryable, kind?: ImportKind) {
  const rows = await db
    .select()
    .from(importMappings)
    .where(kind ? eq(importMappings.kind, kind) : undefined)
    .orderBy(asc(importMappings.name));
  return rows.map(mappingView);
}

const mappingView = (r: typeof importMappings.$inferSelect) => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  mapping: importMappingSchema.parse(r.mapping),
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});

export async function saveMapping(
  db: Queryable,
  input: { name: string; kind: ImportKind; mapping: ImportMapping; createdBy: string | null },
) {
  const [row] = await db
    .insert(importMappings)
    .values({ ...input, mapping: input.mapping as unknown as Record<string, unknown> })
    .onConflictDoUpdate({
      target: importMappings.name,
      set: {
        kind: input.kind,
        mapping: input.mapping as unknown as Record<string, unknown>,
        createdBy: input.createdBy,
        createdAt: new Date(),
      },
    })
    .returning();
  return mappingView(row);
}

export async function deleteMapping(db: Queryable, id: string): Promise<boolean> {
  const rows = await db
    .delete(importMappings)
    .where(and(eq(importMappings.id, id)))
    .returning({ id: importMappings.id });
  return rows.length > 0;
}
