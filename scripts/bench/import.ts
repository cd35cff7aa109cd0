/**
 * CSV import speed: a generated lead CSV (HubSpot-like headers, a numeric and a date trait, dated
 * creation) imported by a separate worker process — 1,000,000 rows on PostgreSQL (target ≥ 20,000
 * rows/s and a peak RSS under 300 MB) and 100,000 rows on PGlite (reported). The file is stored by
 * the bench process, as the web server stores an upload; the worker process runs the import (map,
 * upsert, score), which the rate counts; storing the upload is reported apart.
 */
import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { promisify } from "node:util";
import { migrateDb } from "../../db/migrate";
import { scoringModelSchema } from "../../lib/domain/scoring/model";
import { publishDraft } from "../../lib/domain/scoring/publish";
import { saveDraft } from "../../lib/domain/scoring/versions";
import { createImportRecord, prepareImport } from "../../lib/domain/imports/imports";
import { storeUpload } from "../../lib/domain/imports/upload";
import { BENCH_MODEL } from "./model";
import { openTarget } from "./open-target";
import type { Result } from "./report";

const run = promisify(execFile);
const COUNTRIES = ["France", "US", "Germany", "GB", "Spain", "Italy", "Canada", "BE"];
const TITLES = ["CEO", "VP Marketing", "Marketing Manager", "Engineer", "Student", "Director"];
const INDUSTRIES = ["Software", "Retail", "Finance", "Health", "Education"];

/** A deterministic lead CSV of `rows` rows, written as a stream. */
export async function writeLeadCsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  out.write(
    "Email,First Name,Last Name,Company Name,Job Title,Industry,Number of Employees,Country/Region,Create Date,Original Source,Annual Revenue,Last Activity Date\n",
  );
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 900) * 86_400_000).toISOString().slice(0, 10);
    chunk += `lead${i}@company${i % 50_000}.example,First${i % 997},Last${i % 991},Company ${i % 50_000},${TITLES[i % TITLES.length]},${INDUSTRIES[i % INDUSTRIES.length]},${(i * 37) % 5000},${COUNTRIES[i % COUNTRIES.length]},${day},${i % 3 ? "Organic Search" : "Paid Social"},${(i * 7919) % 10_000_000},${day}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.write(chunk);
  out.end();
  await once(out, "finish");
  return rows;
}

type WorkerResult = {
  rows: number;
  bytes: number;
  uploadSeconds: number;
  importSeconds: number;
  counts: { created: number; updated: number; skipped: number; failed: number };
  errorCount: number;
  peakRssMb: number;
};

const WORKER_HEAP = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts.worker.match(/--max-old-space-size=\d+/)![0];

/**
 * What the web server does when a file is uploaded: the file stored (streamed) and mapped as
 * suggested, the import recorded. Answers its id, the file's size and the time to store it.
 */
async function prepareUpload(target: string, file: string) {
  const handle = await openTarget(target);
  try {
    await migrateDb(handle);
    const t = performance.now();
    const upload = await storeUpload(handle.db, createReadStream(file), {
      fileName: "bench.csv",
      createdBy: "bench",
    });
    const uploadSeconds = (performance.now() - t) / 1000;
    const mapping = await prepareImport(handle.db, { uploadId: upload.id, kind: "leads" });
    const id = await createImportRecord(handle.db, {
      uploadId: upload.id,
      kind: "leads",
      mapping,
      dryRun: false,
      requestedBy: "bench",
    });
    return { id, bytes: upload.bytes, uploadSeconds };
  } finally {
    await handle.close();
  }
}

/** The import run by a process of its own, as a job worker runs it (its memory is its own). */
async function importInWorker(target: string, file: string): Promise<WorkerResult> {
  const prepared = await prepareUpload(target, file);
  const tsx = path.resolve("node_modules", ".bin", "tsx");
  // The worker's own heap bound (package.json, "worker").
  const child = run(tsx, [WORKER_HEAP, "scripts/bench/import-worker.ts", target, prepared.id], {
    maxBuffer: 16 << 20,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  child.child.stderr?.pipe(process.stderr);
  const { stdout } = await child;
  const result = JSON.parse(stdout.trim().split("\n").pop()!) as Omit<
    WorkerResult,
    "bytes" | "uploadSeconds"
  >;
  return { ...result, bytes: prepared.bytes, uploadSeconds: prepared.uploadSeconds };
}

async function publishBenchModel(target: string) {
  const handle = await openTarget(target);
  await migrateDb(handle);
  await saveDraft(handle.db, scoringModelSchema.parse(BENCH_MODEL), {
    userId: null,
    label: "Benchmark",
  });
  await publishDraft(
    handle.db,
    { actorType: "user", actorId: "bench", label: "Benchmark", userId: null },
    "bench: model",
    () => new Date(),
  );
  await handle.close();
}

/**
 * The floor: the same file COPYed straight into a copy of the leads table (same columns, indexes
 * and defaults; no mapping, no upsert, no scoring), in one statement.
 */
async function copyFloor(url: string, file: string, rows: number): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop table if exists leads_floor`);
    await sql.unsafe(`create table leads_floor (like leads including defaults including indexes)`);
    await sql.unsafe(
      `create temporary table floor_raw (email text, first_name text, last_name text, company text, job_title text, industry text, company_size int, country text, created_at date, source text, revenue numeric, last_activity date)`,
    );
    const started = performance.now();
    const stream = await sql
      .unsafe(`copy floor_raw from stdin with (format csv, header true)`)
      .writable();
    await pipeline(createReadStream(file), stream);
    await sql.unsafe(
      `insert into leads_floor (email, first_name, last_name, company, job_title, industry, company_size, country, source, traits, created_at, updated_at)
       select email, first_name, last_name, company, job_title, industry, company_size, left(country, 2), source,
              jsonb_build_object('annual_revenue', revenue, 'last_activity_date', last_activity), created_at, now()
       from floor_raw`,
    );
    const seconds = (performance.now() - started) / 1000;
    await sql.unsafe(`drop table leads_floor`);
    return rows / seconds;
  } finally {
    await sql.end();
  }
}

export async function importBenchmarks(
  postgresUrl: string,
  log: (m: string) => void,
  options: { rows?: number; pgliteRows?: number } = {},
): Promise<Result[]> {
  const rows = options.rows ?? 1_000_000;
  const pgliteRows = options.pgliteRows ?? 100_000;
  const dir = mkdtempSync(path.join(tmpdir(), "accord-bench-import-"));
  const results: Result[] = [];
  try {
    const file = path.join(dir, "leads.csv");
    log(`writing a ${rows.toLocaleString("en")}-row lead CSV…`);
    await writeLeadCsv(file, rows);
    await publishBenchModel(postgresUrl);
    log("importing it on PostgreSQL (worker process)…");
    const pg = await importInWorker(postgresUrl, file);
    const pgRate = pg.rows / pg.importSeconds;
    const floorRate = await copyFloor(postgresUrl, file, rows);
    log(
      `  floor (COPY of the same file into a copy of the leads table): ${Math.round(floorRate)} rows/s`,
    );
    log(
      `  PostgreSQL: ${pg.rows.toLocaleString("en")} rows (${(pg.bytes / 1e6).toFixed(0)} MB) stored in ${pg.uploadSeconds.toFixed(1)} s, imported in ${pg.importSeconds.toFixed(1)} s = ${Math.round(pgRate)} rows/s; created ${pg.counts.created}, failed ${pg.counts.failed}; worker peak RSS ${pg.peakRssMb} MB`,
    );
    results.push(
      {
        id: `import_pg_${rows / 1000}k_rows_per_s`,
        value: Math.round(pgRate),
        unit: "rows/s",
        floor: Math.round(floorRate),
        ratio: Math.round((floorRate / pgRate) * 100) / 100,
        target: "≥ 20000 rows/s",
        ok: pgRate >= 20_000,
      },
      {
        id: `import_pg_${rows / 1000}k_worker_peak_rss`,
        value: pg.peakRssMb,
        unit: "MB",
        floor: null,
        ratio: null,
        target: "< 300 MB",
        ok: pg.peakRssMb < 300,
      },
    );

    const small = path.join(dir, "leads-small.csv");
    await writeLeadCsv(small, pgliteRows);
    const pgliteDir = path.join(dir, "pglite");
    await publishBenchModel(`pglite:${pgliteDir}`);
    log(`importing ${pgliteRows.toLocaleString("en")} rows on PGlite (worker process)…`);
    const lite = await importInWorker(`pglite:${pgliteDir}`, small);
    const liteRate = lite.rows / lite.importSeconds;
    log(
      `  PGlite: ${lite.rows.toLocaleString("en")} rows stored in ${lite.uploadSeconds.toFixed(1)} s, imported in ${lite.importSeconds.toFixed(1)} s = ${Math.round(liteRate)} rows/s; worker peak RSS ${lite.peakRssMb} MB`,
    );
    results.push(
      {
        id: `import_pglite_${pgliteRows / 1000}k_rows_per_s`,
        value: Math.round(liteRate),
        unit: "rows/s",
        floor: null,
        ratio: null,
      },
      {
        id: `import_pglite_${pgliteRows / 1000}k_worker_peak_rss`,
        value: lite.peakRssMb,
        unit: "MB",
        floor: null,
        ratio: null,
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
