/**
 * Runs an import (or its dry run) over the stored file, batch after batch of BATCH rows: each row
 * is mapped on its own (a bad row never holds back the good ones), each batch is written in one
 * transaction, set-based (unnest), and progress, counts and row errors are saved after each — so
 * a cancelled or failed import keeps what it wrote, and running the file again changes nothing:
 * leads by email / external id, events by id (or a hash of lead, name, time and properties),
 * history by lead, stage and date. Imported history is dated: leads created at their date, each
 * step a transition at its date; handoffs are then scored by the live model as of their date.
 */
import { once, type EventEmitter } from "node:events";
import { eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { importRowErrors, imports, reasons, traitDefinitions } from "@/db/schema";
import { lockScoringShared } from "@/lib/domain/scoring/locks";
import { rescore } from "@/lib/domain/scoring/rescore";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { compileScores } from "@/lib/domain/scoring/compile";
import { HISTORY_LIFECYCLE } from "@/lib/domain/outcomes/history-stages";
import { MAX_IMPORT_ROWS, type ImportKind } from "@/lib/shared/imports";
import { detectFormat } from "./inspect";
import { createRowMapper, type CellError, type MappedRow } from "./map-row";
import type { ImportMapping } from "./schemas";
import { readRecords, TOO_LONG_MARK, uploadChunks, uploadHead } from "./upload";

export const BATCH = 5000;
const YIELD_EVERY = 500;

/** Like arrayParam, with NULL elements (an unquoted NULL in the array literal). */
function nullableParam(values: readonly (string | null)[], type: "text" | "uuid"): SQL {
  const literal = `{${values
    .map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`))
    .join(",")}}`;
  return sql`${literal}::${sql.raw(type)}[]`;
}
export const IMPORT_ACTOR = (id: string) => `import:${id}`;

const LIFECYCLE = HISTORY_LIFECYCLE;

export type RunContext = {
  progress(done: number, total: number | null, phase?: string): Promise<void>;
  signal?: AbortSignal;
  now?: Date;
};

type Counts = {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  historyCreated: number;
  historySkipped: number;
};

type Pending = { line: number; cells: string[]; row: MappedRow };

export async function runImport(db: Db, importId: string, ctx: RunContext): Promise<Counts> {
  const [imp] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!imp) throw new Error(`No import ${importId}.`);
  const now = ctx.now ?? new Date();
  /** This run's clock for what it writes (updated_at), distinct from `now` even when a test sets it. */
  const stamp = new Date();
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

  const counts: Counts = {
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    historyCreated: 0,
    historySkipped: 0,
  };
  let done = 0;
  let width = format.headers.length;
  let first = true;
  let batch: Pending[] = [];
  let errors: { line: number; cells: string[]; errors: CellError[] }[] = [];

  const total = estimateRows(head, Number(upload?.bytes ?? 0), hasHeader);
  // On PostgreSQL, batch N is written while batch N+1 is read and mapped (two connections);
  // PGlite has one session, so there each write is awaited before reading on.
  const overlap = isPostgres(db);
  let inflight: Promise<unknown> = Promise.resolve(null);
  let analyzeAt = BATCH;
  const settle = async () => {
    const failure = await inflight;
    inflight = Promise.resolve(null);
    if (failure) throw failure;
  };
  const write = async (rows: Pending[], rowErrors: typeof errors, doneAt: number) => {
    const written = imp.dryRun
      ? await countBatch(db, imp.kind, rows)
      : await writeBatch(db, imp.kind, rows, IMPORT_ACTOR(importId), now, stamp);
    for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += written[k] ?? 0;
    // A bulk load outgrows the planner's statistics: refresh them as the created leads double.
    if (!imp.dryRun && counts.created >= analyzeAt) {
      analyzeAt = counts.created * 2;
      await db.execute(sql`analyze leads`);
    }
    for (const f of written.rowErrors ?? []) rowErrors.push(f);
    counts.failed += rowErrors.length;
    if (rowErrors.length)
      await db.insert(importRowErrors).values(
        rowErrors.flatMap((e) =>
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
    await db
      .update(imports)
      .set({
        rowsDone: doneAt,
        rowsTotal: total === null ? null : Math.max(total, doneAt),
        created: counts.created,
        updated: counts.updated,
        skipped: counts.skipped,
        failed: counts.failed,
        historyCreated: counts.historyCreated,
        historySkipped: counts.historySkipped,
      })
      .where(eq(imports.id, importId));
    await ctx.progress(
      doneAt,
      total === null ? null : Math.max(total, doneAt),
      imp.dryRun ? "checking" : "importing",
    );
  };
  const flush = async () => {
    await settle();
    const job = write(batch, errors, done);
    batch = [];
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
    // A turn of the event loop now and then: on the embedded database nothing here waits on I/O,
    // and the web server shares the process (lib/jobs/execute.ts says the same per report).
    if (done % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    if (done > MAX_IMPORT_ROWS) {
      done--;
      break;
    }
    if (record.cells[0]?.includes(TOO_LONG_MARK)) {
      errors.push({
        line: record.line,
        cells: [],
        errors: [
          {
            column: null,
            code: "line_too_long",
            message: "The line is longer than 1 MB.",
            value: null,
          },
        ],
      });
    } else if (
      record.cells.length !== width &&
      !(record.cells.length === 1 && record.cells[0] === "")
    ) {
      errors.push({
        line: record.line,
        cells: record.cells,
        errors: [
          {
            column: null,
            code: "wrong_column_count",
            message: `The row has ${record.cells.length} cells, the header ${width}.`,
            value: null,
          },
        ],
      });
    } else {
      const mapped = mapper.map(record.cells, now);
      if (mapped.row) batch.push({ line: record.line, cells: record.cells, row: mapped.row });
      else errors.push({ line: record.line, cells: record.cells, errors: mapped.errors });
    }
    if (batch.length + errors.length >= BATCH) await flush();
  }
  await flush();
  await settle();
  // What was written is scored, even when the import was cancelled half-way.
  if (!imp.dryRun && (imp.kind === "leads" || imp.kind === "leads_outcomes")) {
    await ctx.progress(done, done, "scoring");
    await scoreImportedLeads(db, now, stamp);
  }
  if (!imp.dryRun && !ctx.signal?.aborted) {
    await ctx.progress(done, done, "scoring");
    await scoreHandoffs(db, IMPORT_ACTOR(importId));
  }
  const notes = imp.dryRun ? [] : await historyNotes(db, IMPORT_ACTOR(importId));
  await db
    .update(imports)
    .set({ rowsDone: done, rowsTotal: done, notes, finishedAt: new Date() })
    .where(eq(imports.id, importId));
  await ctx.progress(done, done, "done");
  return counts;
}

type BatchResult = Partial<Counts> & {
  rowErrors?: { line: number; cells: string[]; errors: CellError[] }[];
};

/** The batch's leads, one per key (a later row of the same lead in the batch wins). */
function distinctLeads(batch: Pending[]) {
  const byKey = new Map<string, Pending>();
  let repeated = 0;
  for (const p of batch) {
    const key = p.row.lead.email ? `e:${p.row.lead.email}` : `x:${p.row.lead.externalId}`;
    if (byKey.has(key)) repeated++;
    byKey.set(key, p);
  }
  return { leads: [...byKey.values()], repeated };
}

const leadLookup = (rows: Pending[]) => sql`
  select i.ord, coalesce(
    (select id from leads where i.email <> '' and leads.email = i.email),
    (select id from leads where i.email = '' and i.ext <> '' and leads.external_id = i.ext)
  ) as id from unnest(${arrayParam(
    rows.map((p) => p.row.lead.email ?? ""),
    "text",
  )}, ${arrayParam(
    rows.map((p) => p.row.lead.externalId ?? ""),
    "text",
  )}) with ordinality as i(email, ext, ord)`;

async function existingLeads(db: Queryable, rows: Pending[]): Promise<(string | null)[]> {
  const found = await queryRows<{ ord: number; id: string | null }>(db, leadLookup(rows));
  const out: (string | null)[] = rows.map(() => null);
  for (const f of found) out[Number(f.ord) - 1] = f.id;
  return out;
}

async function countBatch(db: Db, kind: ImportKind, batch: Pending[]): Promise<BatchResult> {
  if (!batch.length) return {};
  const { leads, repeated } = distinctLeads(batch);
  const ids = await existingLeads(db, leads);
  if (kind === "events" || kind === "outcomes") {
    const rowErrors = leads
      .filter((_, i) => ids[i] === null)
      .map((p) => ({ line: p.line, cells: p.cells, errors: [unknownLead(p)] }));
    const known = leads.length - rowErrors.length;
    return kind === "events"
      ? { created: known, rowErrors, skipped: repeated }
      : {
          updated: known,
          rowErrors,
          skipped: repeated,
          historyCreated: leads
            .filter((_, i) => ids[i])
            .reduce((n, p) => n + p.row.history.length, 0),
        };
  }
  const existing = ids.filter(Boolean).length;
  return {
    created: leads.length - existing,
    updated: existing,
    skipped: repeated,
    historyCreated: leads.reduce((n, p) => n + p.row.history.length, 0),
  };
}

const unknownLead = (p: Pending): CellError => ({
  column: null,
  code: "unknown_lead",
  message: `No lead with ${p.row.lead.email ? `email ${p.row.lead.email}` : `external id ${p.row.lead.externalId}`}.`,
  value: p.row.lead.email ?? p.row.lead.externalId,
});

async function writeBatch(
  db: Db,
  kind: ImportKind,
  batch: Pending[],
  actor: string,
  now: Date,
  stamp: Date,
): Promise<BatchResult> {
  if (!batch.length) return {};
  return db.transaction(async (tx) => {
    // A batch need not wait for its WAL flush: a crash loses at most the last batches, which
    // running the file again writes (imports are idempotent); nothing is ever half-written.
    await tx.execute(sql`set local synchronous_commit = off`);
    await lockScoringShared(tx);
    const { leads, repeated } = distinctLeads(batch);
    const result: BatchResult = { skipped: repeated, rowErrors: [] };
    let leadIds: (string | null)[];
    if (kind === "leads" || kind === "leads_outcomes") {
      const upserted = await upsertLeads(tx, leads, now, stamp);
      leadIds = upserted.ids;
      result.created = upserted.created;
      result.updated = leads.length - upserted.created - upserted.again;
      result.skipped = repeated + upserted.again;
    } else {
      leadIds = await existingLeads(tx, leads);
      leads.forEach((p, i) => {
        if (!leadIds[i])
          result.rowErrors!.push({ line: p.line, cells: p.cells, errors: [unknownLead(p)] });
      });
    }
    if (kind === "events") {
      const rows = batch
        .map((p) => ({ p, id: leadIds[leads.findIndex((l) => sameLead(l, p))] }))
        .filter((r) => r.id && r.p.row.event);
      const inserted = await queryRows<{ n: number }>(
        tx,
        sql`with t as (insert into events (lead_id, name, properties, occurred_at, source, external_id)
              select lead_id, name, properties::jsonb, occurred_at::timestamptz, 'import', ext from unnest(
                ${arrayParam(
                  rows.map((r) => r.id!),
                  "uuid",
                )}, ${arrayParam(
                  rows.map((r) => r.p.row.event!.name),
                  "text",
                )},
                ${arrayParam(
                  rows.map((r) => JSON.stringify(r.p.row.event!.properties)),
                  "text",
                )},
                ${arrayParam(
                  rows.map((r) => r.p.row.event!.occurredAt.toISOString()),
                  "text",
                )},
                ${arrayParam(
                  rows.map((r) => r.p.row.event!.externalId),
                  "text",
                )}
              ) as i(lead_id, name, properties, occurred_at, ext)
              on conflict (external_id) do nothing returning 1)
            select count(*)::int as n from t`,
      );
      result.created = inserted[0]?.n ?? 0;
      result.skipped = (result.skipped ?? 0) + rows.length - result.created;
    } else if (kind === "outcomes") {
      result.updated = leadIds.filter(Boolean).length;
    }
    if (kind !== "events") {
      const history = leads.flatMap((p, i) =>
        leadIds[i] ? p.row.history.map((s) => ({ leadId: leadIds[i]!, step: s })) : [],
      );
      const written = await writeHistory(tx, history, actor);
      result.historyCreated = written;
      result.historySkipped = history.length - written;
    }
    // Leads written here are scored once at the end of the import (scoreImportedLeads).
    if (kind === "leads" || kind === "leads_outcomes") return result;
    const touched = leadIds.filter((id): id is string => Boolean(id));
    const active = await getActiveModel(tx);
    if (active && touched.length)
      await rescore(tx, {
        model: active.model,
        version: active.version,
        asOf: now,
        cause: "refresh",
        leadIds: touched,
      });
    return result;
  });
}

const sameLead = (a: Pending, b: Pending) =>
  a.row.lead.email
    ? a.row.lead.email === b.row.lead.email
    : a.row.lead.externalId === b.row.lead.externalId;

/** One value in COPY's text format. */
const copyText = (v: string | null) =>
  v === null
    ? "\\N"
    : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

const STAGE_COLUMNS =
  "email, ext, first_name, last_name, company, job_title, seniority, industry, company_size, country, phone, source, consent, traits, created_at, ord";

/** postgres.js's transaction client under a drizzle transaction; null on PGlite. */
function copyClient(tx: Queryable): {
  unsafe(query: string): Promise<unknown> & { writable(): Promise<NodeJS.WritableStream> };
} | null {
  const client = (
    tx as unknown as { session?: { client?: { unsafe?: unknown; savepoint?: unknown } } }
  ).session?.client;
  return client && typeof client.savepoint === "function" && typeof client.unsafe === "function"
    ? (client as never)
    : null;
}

/**
 * Inserts new leads and updates known ones (only the mapped fields; traits merged). Rows written
 * get `stamp` (this run's own clock) as updated_at, which tells a lead written by an earlier batch
 * of the same run (counted once) and the leads to score at the end.
 */
async function upsertLeads(tx: Queryable, rows: Pending[], now: Date, stamp: Date) {
  const profile = (k: string) => (p: Pending) => p.row.lead.profile[k] as string | null | undefined;
  const columns: ((p: Pending) => string | number | boolean | null | undefined)[] = [
    (p) => p.row.lead.email,
    (p) => p.row.lead.externalId,
    ...["firstName", "lastName", "company", "jobTitle", "seniority", "industry", "companySize"].map(
      profile,
    ),
    ...["country", "phone", "source", "consent"].map(profile),
    (p) => JSON.stringify(p.row.lead.traits),
    (p) => p.row.lead.createdAt?.toISOString(),
  ];
  const value = (f: (typeof columns)[number], p: Pending) => {
    const v = f(p);
    return v === null || v === undefined ? null : String(v);
  };
  const client = copyClient(tx);
  let input: SQL;
  if (client) {
    // PostgreSQL: the batch is COPYed into a staging table (emptied at commit), then upserted set-based.
    await client.unsafe(
      `create temporary table if not exists import_stage (email text, ext text, first_name text, last_name text, company text, job_title text, seniority text, industry text, company_size text, country text, phone text, source text, consent text, traits text, created_at text, ord bigint) on commit delete rows`,
    );
    const stream = await client
      .unsafe(`copy import_stage (${STAGE_COLUMNS}) from stdin`)
      .writable();
    let chunk = "";
    for (let i = 0; i < rows.length; i++) {
      chunk += columns.map((f) => copyText(value(f, rows[i]))).join("\t") + `\t${i + 1}\n`;
      if (chunk.length > 1 << 16) {
        if (!stream.write(chunk)) await once(stream as unknown as EventEmitter, "drain");
        chunk = "";
      }
    }
    await new Promise<void>((resolve, reject) => {
      (stream as unknown as EventEmitter).once("error", reject);
      (stream as unknown as EventEmitter).once("finish", resolve);
      stream.end(chunk);
    });
    input = sql`import_stage i`;
  } else {
    const list = columns.map((f) =>
      nullableParam(
        rows.map((p) => value(f, p)),
        "text",
      ),
    );
    input = sql`unnest(${sql.join(list, sql`, `)}) with ordinality as i(${sql.raw(STAGE_COLUMNS)})`;
  }
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const stampSql = sql`${stamp.toISOString()}::timestamptz`;
  const rowsOut = await queryRows<{ ord: number; id: string; created: boolean; again: boolean }>(
    tx,
    sql`with i as materialized (select * from ${input}),
        found as materialized (
          select ord, id from (
            select i.ord, coalesce(
              (select l.id from leads l where l.email = i.email),
              (select l.id from leads l where i.email is null and l.external_id = i.ext)
            ) as id from i
          ) f where id is not null
        ),
        upd as (
          update leads set
            external_id = coalesce(leads.external_id, i.ext),
            first_name = coalesce(i.first_name, leads.first_name), last_name = coalesce(i.last_name, leads.last_name),
            company = coalesce(i.company, leads.company), job_title = coalesce(i.job_title, leads.job_title),
            seniority = coalesce(i.seniority, leads.seniority), industry = coalesce(i.industry, leads.industry),
            company_size = coalesce(i.company_size::int, leads.company_size), country = coalesce(i.country, leads.country),
            phone = coalesce(i.phone, leads.phone), source = coalesce(i.source, leads.source),
            consent = coalesce(i.consent::boolean, leads.consent),
            traits = leads.traits || i.traits::jsonb,
            created_at = least(leads.created_at, coalesce(i.created_at::timestamptz, leads.created_at)),
            updated_at = ${stampSql}
          from found join i on i.ord = found.ord
          where leads.id = found.id
            and (leads.traits @> i.traits::jsonb is false
              or (i.first_name, i.last_name, i.company, i.job_title, i.seniority, i.industry, i.country, i.phone, i.source)
                 is distinct from (coalesce(i.first_name, leads.first_name), coalesce(i.last_name, leads.last_name), coalesce(i.company, leads.company), coalesce(i.job_title, leads.job_title), coalesce(i.seniority, leads.seniority), coalesce(i.industry, leads.industry), coalesce(i.country, leads.country), coalesce(i.phone, leads.phone), coalesce(i.source, leads.source))
              or coalesce(i.company_size::int, leads.company_size) is distinct from leads.company_size
              or coalesce(i.consent::boolean, leads.consent) is distinct from leads.consent
              or i.created_at::timestamptz < leads.created_at)
          returning leads.id
        ),
        ins as (
          insert into leads (email, external_id, first_name, last_name, company, job_title, seniority, industry, company_size,
                             country, phone, source, consent, consent_at, traits, created_at, updated_at)
          select i.email, i.ext, i.first_name, i.last_name, i.company, i.job_title, i.seniority, i.industry, i.company_size::int,
                 i.country, i.phone, i.source, coalesce(i.consent::boolean, false),
                 case when i.consent::boolean then coalesce(i.created_at::timestamptz, ${nowSql}) end,
                 i.traits::jsonb, coalesce(i.created_at::timestamptz, ${nowSql}), ${stampSql}
          from i where i.ord not in (select ord from found)
          on conflict do nothing
          returning id, email, external_id
        )
        select found.ord, found.id, false as created,
               -- Already written by an earlier batch of this import: the same lead again in the file.
               exists (select 1 from leads x where x.id = found.id and x.updated_at = ${stampSql}) as again
        from found
        union all
        select i.ord, ins.id, true, false from ins
          join i on coalesce('e:' || ins.email, 'x:' || ins.external_id) = coalesce('e:' || i.email, 'x:' || i.ext)`,
  );
  const ids: (string | null)[] = rows.map(() => null);
  let created = 0;
  let again = 0;
  for (const r of rowsOut) {
    ids[Number(r.ord) - 1] = r.id;
    if (r.created) created++;
    else if (r.again) again++;
  }
  return { ids, created, again };
}

/** Writes history steps not yet there (same lead, stage and date), then each lead's stage. */
async function writeHistory(
  tx: Queryable,
  steps: { leadId: string; step: MappedRow["history"][number] }[],
  actor: string,
): Promise<number> {
  if (!steps.length) return 0;
  const input = sql`unnest(
    ${arrayParam(
      steps.map((s) => s.leadId),
      "uuid",
    )},
    ${arrayParam(
      steps.map((s) => s.step.at.toISOString()),
      "text",
    )},
    ${arrayParam(
      steps.map((s) => LIFECYCLE[s.step.stage].stage),
      "text",
    )},
    ${arrayParam(
      steps.map((s) => LIFECYCLE[s.step.stage].reason),
      "text",
    )},
    ${nullableParam(
      steps.map((s) => s.step.reason),
      "text",
    )},
    ${nullableParam(
      steps.map((s) => s.step.note),
      "text",
    )},
    ${nullableParam(
      steps.map((s) => s.step.ownerEmail),
      "text",
    )}
  ) with ordinality as i(lead_id, at, to_stage, reason, code, note, owner, ord)`;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with t as (
          insert into lead_transitions (lead_id, at, from_stage, to_stage, actor_type, actor_id, reason, note, data)
          select i.lead_id, i.at::timestamptz,
                 (select p.to_stage from lead_transitions p where p.lead_id = i.lead_id and p.at <= i.at::timestamptz order by p.at desc, p.id desc limit 1),
                 i.to_stage::lifecycle_stage, 'system', ${actor}, i.reason, i.note,
                 jsonb_strip_nulls(jsonb_build_object('reasonCode', i.code, 'ownerEmail', i.owner, 'imported', true))
          from ${input}
          where not exists (select 1 from lead_transitions x where x.lead_id = i.lead_id and x.to_stage = i.to_stage::lifecycle_stage and x.at = i.at::timestamptz)
          order by i.at::timestamptz, i.ord
          returning lead_id
        ), s as (
          update leads set lifecycle_stage = last.to_stage
          from (select distinct on (lead_id) lead_id, to_stage from lead_transitions
                where lead_id in (select lead_id from t) order by lead_id, at desc, id desc) last
          where leads.id = last.lead_id and leads.lifecycle_stage is distinct from last.to_stage
        )
        select count(*)::int as n from t`,
  );
  return row?.n ?? 0;
}

/**
 * The number of data rows, known before reading the file: exact when the stored head is the whole
 * file, else estimated from the head's line length (the exact count replaces it at the end).
 */
function estimateRows(head: Buffer, bytes: number, hasHeader: boolean): number | null {
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

/** A postgres.js database (a server), as opposed to PGlite's single embedded session. */
function isPostgres(db: Db): boolean {
  const client = (db as unknown as { $client?: { begin?: unknown } }).$client;
  return typeof client?.begin === "function";
}

/** Above this many leads, one set-based rescore of every lead beats rescoring them by id. */
const FULL_RESCORE_FROM = 20_000;

/**
 * Scores the leads this import created or changed (their updated_at is the run's stamp), once:
 * by id for a small import, else every lead in one set-based pass, as a publish does.
 */
async function scoreImportedLeads(db: Db, now: Date, stamp: Date): Promise<void> {
  const active = await getActiveModel(db);
  if (!active) return;
  const at = sql`${stamp.toISOString()}::timestamptz`;
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from leads where updated_at = ${at}`,
  );
  if (!n) return;
  const leadIds =
    n > FULL_RESCORE_FROM
      ? null
      : (
          await queryRows<{ id: string }>(db, sql`select id from leads where updated_at = ${at}`)
        ).map((r) => r.id);
  await db.transaction(async (tx) => {
    await lockScoringShared(tx);
    await rescore(tx, {
      model: active.model,
      version: active.version,
      asOf: now,
      cause: "refresh",
      leadIds,
    });
  });
}

/** Each imported handoff gets the score the live model gives its lead as of the handoff's day. */
async function scoreHandoffs(db: Db, actor: string): Promise<void> {
  const active = await getActiveModel(db);
  if (!active) return;
  const days = await queryRows<{ day: string; ids: string[] }>(
    db,
    sql`select to_char(max(at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as day, array_agg(distinct lead_id::text) as ids
        from lead_transitions where actor_id = ${actor} and to_stage = 'mql' and score_total is null
        group by date_trunc('day', at at time zone 'UTC')`,
  );
  for (const d of days) {
    const scores = compileScores(active.model, { asOf: new Date(d.day), leadIds: d.ids });
    await db.execute(
      sql`update lead_transitions t set score_total = s.total, score_fit = s.fit, score_engagement = s.engagement,
            model_version = ${active.version}::int
          from (${scores}) s
          where t.lead_id = s.lead_id and t.actor_id = ${actor} and t.to_stage = 'mql' and t.score_total is null
            and date_trunc('day', t.at at time zone 'UTC') = date_trunc('day', ${d.day}::timestamptz at time zone 'UTC')`,
    );
  }
}

/** Says when imported outcomes start later than imported handoffs (as the Olist reports do). */
async function historyNotes(db: Db, actor: string): Promise<string[]> {
  const [row] = await queryRows<{ first_mql: string | null; first_outcome: string | null }>(
    db,
    sql`select min(at) filter (where to_stage = 'mql')::text as first_mql,
               min(at) filter (where to_stage in ('opportunity', 'customer', 'lost'))::text as first_outcome
        from lead_transitions where actor_id = ${actor}`,
  );
  if (!row?.first_mql || !row.first_outcome) return [];
  const gap = new Date(row.first_outcome).getTime() - new Date(row.first_mql).getTime();
  return gap > 90 * 86_400_000
    ? [
        `Outcomes start on ${row.first_outcome.slice(0, 10)}, handoffs on ${row.first_mql.slice(0, 10)}: earlier handoffs count as not converted.`,
      ]
    : [];
}
