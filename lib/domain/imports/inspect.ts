/**
 * How a file reads, from its first 256 KB: encoding (a UTF-8 BOM, else valid UTF-8, else
 * Windows-1252), delimiter (the one of `,` `;` tab that splits the first lines into the same
 * number of columns, most often), whether the first row is a header, the first rows, the
 * suggested kind and mapping, and whether its dates need the person to say dd/mm or mm/dd.
 * Problems that stop an import (empty, header only, not a CSV, a line over 1 MB) are listed.
 */
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import {
  IMPORT_DELIMITERS,
  MAX_LINE_BYTES,
  type DateOrder,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportFileProblem,
  type ImportKind,
} from "@/lib/shared/imports";
import type { Inspection } from "./schemas";
import { suggestMapping } from "./suggest";
import { dateOrderEvidence, looksLikeDate, parseEmail, parseNumber } from "./values";

export type FileFormat = {
  encoding: ImportEncoding;
  bom: boolean;
  delimiter: ImportDelimiter;
  hasHeader: boolean;
  headers: string[];
  rows: string[][];
  dateOrder: Inspection["dateOrder"];
  problems: { code: ImportFileProblem; message: string }[];
};

const PROBLEM_TEXT: Record<ImportFileProblem, string> = {
  empty: "The file is empty.",
  header_only: "The file has a header row but no data rows.",
  not_csv:
    "This is not a CSV file (it holds binary data). Export it from your spreadsheet or CRM as CSV.",
  line_too_long:
    "A line is longer than 1 MB: this is not a CSV file, or its quotes are unbalanced.",
  too_large: "The file is larger than 1 GB.",
  missing_key_column: "Map a column to email or external id: leads are found by one of them.",
  date_order_needed: "Say whether dates are written day/month/year or month/day/year.",
  unknown_column: "The mapping names a column the file does not have.",
  duplicate_field: "Two columns are mapped to the same field.",
};
export const problem = (code: ImportFileProblem) => ({ code, message: PROBLEM_TEXT[code] });

const BINARY_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04], // zip, xlsx, docx
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xd0, 0xcf, 0x11, 0xe0], // xls
  [0x1f, 0x8b], // gzip
];

function isBinary(head: Buffer): boolean {
  if (BINARY_MAGIC.some((m) => m.every((b, i) => head[i] === b))) return true;
  const sample = head.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.01;
}

function detectEncoding(
  head: Buffer,
  complete: boolean,
): { encoding: ImportEncoding; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", bom: true };
  // A multi-byte character may be cut at the end of the head: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.length - cut));
      return { encoding: "utf-8", bom: false };
    } catch {
      // try a shorter prefix
    }
  }
  return { encoding: "windows-1252", bom: false };
}

/** Counts delimiters outside quotes on a line. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

function detectDelimiter(lines: string[]): ImportDelimiter {
  let best: { d: ImportDelimiter; score: number } = { d: ",", score: 0 };
  for (const d of IMPORT_DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (!counts.length || counts[0] === 0) continue;
    const same = counts.filter((c) => c === counts[0]).length / counts.length;
    const score = same * 1000 + counts[0];
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/** Longer than a column's label may be (the mapping's limit): data, not a column name. */
const MAX_HEADER_CHARS = 200;

/** A header row: every cell filled, none a number, date or email or too long, no two alike. */
function isHeader(first: string[], rest: string[][]): boolean {
  const cells = first.map((c) => c.trim());
  if (cells.some((c) => c.length > MAX_HEADER_CHARS)) return false;
  if (cells.some((c) => !c))
    return rest.length === 0
      ? false
      : cells.filter(Boolean).length > cells.length / 2 && new Set(cells).size === cells.length;
  if (new Set(cells.map((c) => c.toLowerCase())).size !== cells.length) return false;
  return !cells.some((c) => parseNumber(c) !== null || looksLikeDate(c) || parseEmail(c) !== null);
}

export function detectFormat(head: Buffer, totalBytes: number): FileFormat {
  const complete = head.length >= totalBytes;
  const base = {
    encoding: "utf-8" as ImportEncoding,
    bom: false,
    delimiter: "," as ImportDelimiter,
    hasHeader: false,
    headers: [],
    rows: [],
    dateOrder: { detected: null, ambiguous: false, samples: [] },
  };
  if (totalBytes === 0 || head.length === 0) return { ...base, problems: [problem("empty")] };
  if (isBinary(head)) return { ...base, problems: [problem("not_csv")] };
  const { encoding, bom } = detectEncoding(head, complete);
  let text = iconv.decode(head, encoding === "utf-8" ? "utf8" : "win1252", { stripBOM: true });
  if (!complete) {
    const lastNewline = text.lastIndexOf("\n");
    if (lastNewline === -1 || (text.length >= MAX_LINE_BYTES / 4 && text.indexOf("\n") === -1))
      return { ...base, encoding, bom, problems: [problem("line_too_long")] };
    text = text.slice(0, lastNewline + 1);
  }
  if (!text.trim()) return { ...base, encoding, bom, problems: [problem("empty")] };
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 30);
  if (lines.some((l) => l.length > MAX_LINE_BYTES))
    return { ...base, encoding, bom, problems: [problem("line_too_long")] };
  const delimiter = detectDelimiter(lines);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: 201,
    }) as string[][];
  } catch {
    return { ...base, encoding, bom, delimiter, problems: [problem("not_csv")] };
  }
  if (!records.length) return { ...base, encoding, bom, delimiter, problems: [problem("empty")] };
  const hasHeader = isHeader(records[0], records.slice(1));
  const width = Math.max(...records.map((r) => r.length));
  const headers = hasHeader
    ? records[0].map((h, i) => h.trim() || `#${i + 1}`)
    : Array.from({ length: width }, (_, i) => `#${i + 1}`);
  const data = hasHeader ? records.slice(1) : records;
  const evidence = dateOrderEvidence(data.flatMap((r) => r));
  const detected: DateOrder | null =
    evidence.dmy && !evidence.mdy ? "dmy" : evidence.mdy && !evidence.dmy ? "mdy" : null;
  const problems = [];
  if (hasHeader && data.length === 0) problems.push(problem("header_only"));
  return {
    encoding,
    bom,
    delimiter,
    hasHeader,
    headers,
    rows: data.slice(0, 200),
    dateOrder: {
      detected,
      ambiguous:
        detected === null && evidence.samples.length > 0 && !(evidence.dmy && evidence.mdy),
      samples: evidence.samples,
    },
    problems,
  };
}

export function inspectFile(
  upload: { id: string; fileName: string; bytes: number; head: Buffer },
  kind?: ImportKind,
): Inspection {
  const format = detectFormat(upload.head, upload.bytes);
  const suggested = suggestMapping(format.headers, format.rows, {
    kind,
    dateOrder: format.dateOrder.detected,
  });
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    bytes: upload.bytes,
    encoding: format.encoding,
    bom: format.bom,
    delimiter: format.delimiter,
    hasHeader: format.hasHeader,
    headers: format.headers,
    rows: format.rows.slice(0, 20),
    suggestedKind: suggested.kind,
    preset: suggested.preset,
    mapping: {
      ...suggested.mapping,
      hasHeader: format.hasHeader,
      delimiter: format.delimiter,
      encoding: format.encoding,
    },
    dateOrder: format.dateOrder,
    problems: format.problems,
  };
}
