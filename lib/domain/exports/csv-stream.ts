/**
 * How exports are written: the rows are read in keyset pages (ordered by a unique key, each page
 * "after" the last key of the previous one), so an export of a million rows never holds more than
 * one page in memory, holds no transaction or connection between pages (the embedded database has
 * only one) and a reader that stops simply stops the reading. Each page becomes one chunk of CSV
 * text, with the same RFC 4180 quoting and formula defusing as the report CSVs (reports/csv.ts).
 */
import { csvField, type Cell } from "@/lib/domain/reports/csv";

export type { Cell };

/** Rows per page: large enough that round trips do not dominate, small enough to stay light. */
export const EXPORT_PAGE_SIZE = 5_000;

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ",";
    line += csvField(cells[i]);
  }
  return line + "\r\n";
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
  cells: (row: R) => Cell[],
): AsyncGenerator<string> {
  yield csvLine(header);
  for await (const rows of pages) {
    let chunk = "";
    for (const row of rows) chunk += csvLine(cells(row));
    yield chunk;
  }
}

/** A JSON value as one cell: text as is, numbers and yes/no as they are, the rest as JSON. */
export function jsonCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.stringify(value);
}
