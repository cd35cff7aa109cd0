/**
 * How exports are written: never all rows in memory, the CSV leaves as it is read. Two ways:
 * - on PostgreSQL, `COPY (select …) TO STDOUT (FORMAT csv)`: the server writes the CSV (its
 *   quoting is RFC 4180's) from one plan over the whole export, and the bytes go through
 *   untouched — a slow reader pauses the socket, a reader that goes away cancels the COPY;
 * - keyset pages (ordered by a unique key, each page "after" the last key of the previous one),
 *   which hold no transaction or connection between pages: on PGlite (one connection for the
 *   whole app, which a slow download must not hold), and for tables whose ids follow time.
 * Cells get the same formula defusing and quoting as the report CSVs (reports/csv.ts; for COPY
 * the defusing is done in SQL, csv-sql.ts). Lines end with LF, as COPY writes them.
 */
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { csvField, type Cell } from "@/lib/domain/reports/csv";

export type { Cell };

/** Text, or bytes straight from the database's COPY. */
export type CsvChunk = string | Uint8Array;

/** Rows per page: large enough that round trips do not dominate, small enough to stay light. */
export const EXPORT_PAGE_SIZE = 5_000;

/** One CSV line, LF-terminated. */
export function csvLine(cells: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ",";
    line += csvField(cells[i]);
  }
  return line + "\n";
}

/**
 * A cell the database already made safe (csv-sql.ts: text defused, numbers as text): only
 * quoted where RFC 4180 needs it, exactly as COPY does. csvField would defuse "-3" again.
 */
export function quotedField(text: string | null | undefined): string {
  if (text === null || text === undefined) return "";
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A line of cells the database made safe. */
export function quotedLine(cells: readonly (string | null | undefined)[]): string {
  return cells.map(quotedField).join(",") + "\n";
}

/**
 * Every row of a keyset query, page by page: `page(after, size)` answers up to `size` rows
 * ordered by the key, after `after` (null for the first page).
 */
export async function* keysetPages<R, K>(
  page: (after: K | null, size: number) => Promise<R[]>,
  key: (row: R) => K,
  size = EXPORT_PAGE_SIZE,
): AsyncGenerator<R[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await page(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = key(rows[rows.length - 1]);
  }
}

/** The CSV text of a header and pages of rows, one chunk per page. */
export async function* csvChunks<R>(
  header: readonly string[],
  pages: AsyncIterable<R[]>,
  line: (row: R) => string,
): AsyncGenerator<string> {
  yield csvLine(header);
  for await (const rows of pages) {
    let chunk = "";
    for (const row of rows) chunk += line(row);
    yield chunk;
  }
}

/** The header line, then the chunks. */
export async function* withHeader(
  header: readonly string[],
  chunks: AsyncIterable<CsvChunk>,
): AsyncGenerator<CsvChunk> {
  yield csvLine(header);
  yield* chunks;
}

/** A JSON value as one cell: text as is, numbers and yes/no as they are, the rest as JSON. */
export function jsonCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.stringify(value);
}

// --- COPY on PostgreSQL --------------------------------------------------------------------------

type PgOptions = Record<string, unknown>;

/** The connection settings of the postgres.js client behind a handle (not PGlite, not a transaction). */
function postgresOptions(db: Queryable): PgOptions | null {
  const client = (db as { $client?: unknown }).$client;
  return typeof client === "function" && "unsafe" in client && "options" in client
    ? ((client as unknown as { options: PgOptions }).options ?? null)
    : null;
}

const dialect = new PgDialect();

/**
 * The rows of `query` as CSV written by PostgreSQL's COPY, or null on PGlite. COPY takes no
 * bound parameters, so the query's values are inlined as escaped literals (drizzle's, standard
 * conforming strings). The COPY runs on a connection of its own with JIT compilation off (its
 * plan is costed high enough to trigger JIT, which took longer to compile than the export took
 * to run, measured in `npm run bench -- --only export`), closed when the export ends: a reader
 * that stops early drops it and the server ends the COPY; and postgres.js may leave a socket
 * paused after a COPY, so that connection is never handed to anyone else.
 */
export function copyCsv(db: Queryable, query: SQL): AsyncGenerator<Uint8Array> | null {
  const options = postgresOptions(db);
  if (!options) return null;
  const { sql: text } = dialect.sqlToQuery(query.inlineParams());
  return copyOut(options, `copy (${text}) to stdout with (format csv)`);
}

async function* copyOut(o: PgOptions, copy: string): AsyncGenerator<Uint8Array> {
  const { default: postgres } = await import("postgres");
  const own = postgres({
    host: o.host as string,
    port: o.port as number,
    path: o.path as string | undefined,
    database: o.database as string,
    user: o.user as string,
    pass: o.pass as string,
    ssl: o.ssl as boolean,
    max: 1,
    onnotice: () => {},
    connection: { application_name: "accord-export", jit: "off" },
  });
  try {
    const readable = await own.unsafe(copy).readable();
    for await (const chunk of readable) yield chunk as Uint8Array;
  } finally {
    await own.end({ timeout: 0 }).catch(() => undefined);
  }
}
