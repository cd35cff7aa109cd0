/**
 * The uploaded file, kept in the database in 1 MB chunks so every web server and worker reads the
 * same file (on PostgreSQL a worker may run on another machine), streamed in and out: the whole
 * file is never in memory. Reading parses it with csv-parse's stream API (UTF-8 with or without
 * BOM as bytes; Windows-1252 decoded first by iconv-lite) — a well-kept parser that handles
 * quotes, embedded newlines and `;`/tab delimiters, gives each record its line number and
 * applies back-pressure — after a guard that cuts lines longer than MAX_LINE_BYTES (a 10 MB
 * "line" is reported as one bad row, not held in memory).
 */
import { once } from "node:events";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { and, eq, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import type { Queryable } from "@/db/client";
import { importUploadChunks, importUploads } from "@/db/schema";
import { serverClient, type CopyReader } from "./sql-values";
import { AppError } from "@/lib/shared/errors";
import {
  MAX_IMPORT_BYTES,
  MAX_LINE_BYTES,
  type ImportDelimiter,
  type ImportEncoding,
} from "@/lib/shared/imports";

export const CHUNK_BYTES = 1024 * 1024;
/** How much of the file is read to detect its format and show its first rows. */
export const HEAD_BYTES = 256 * 1024;
export const TOO_LONG_MARK = "\u0000line_too_long\u0000";

export type StoredUpload = { id: string; bytes: number; head: Buffer };

/** Streams a file into the database; answers its id, size and first bytes. */
export async function storeUpload(
  db: Queryable,
  source: AsyncIterable<Uint8Array>,
  meta: { fileName: string; createdBy: string | null },
): Promise<StoredUpload> {
  const [row] = await db
    .insert(importUploads)
    .values({ fileName: meta.fileName.slice(0, 255) || "upload.csv", createdBy: meta.createdBy })
    .returning({ id: importUploads.id });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let seq = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await db.insert(importUploadChunks).values({ uploadId: row.id, seq: seq++, data });
  };
  try {
    for await (const part of source) {
      const buf = Buffer.from(part);
      bytes += buf.length;
      if (bytes > MAX_IMPORT_BYTES)
        throw new AppError("payload_too_large", "The file is larger than 1 GB.", {
          file: ["The file is larger than 1 GB."],
        });
      if (headBytes < HEAD_BYTES) {
        head.push(buf.subarray(0, HEAD_BYTES - headBytes));
        headBytes += Math.min(buf.length, HEAD_BYTES - headBytes);
      }
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
  } catch (error) {
    await db.delete(importUploads).where(eq(importUploads.id, row.id));
    throw error;
  }
  await db.update(importUploads).set({ bytes, chunks: seq }).where(eq(importUploads.id, row.id));
  return { id: row.id, bytes, head: Buffer.concat(head) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A stored chunk's bytes as they are, by COPY in binary format: read as a query result, a bytea
 * comes hex-encoded, twice its size, and is decoded after (measured: a tenth of the worker's time
 * on an import). COPY takes no parameters: the key is checked to be a UUID and an integer.
 */
async function copyChunk(
  client: CopyReader,
  uploadId: string,
  seq: number,
): Promise<Buffer | null> {
  if (!UUID.test(uploadId) || !Number.isSafeInteger(seq)) throw new Error("Not a chunk key.");
  const stream = await client
    .unsafe(
      `copy (select data from import_upload_chunks where upload_id = '${uploadId}' and seq = ${seq}) to stdout (format binary)`,
    )
    .readable();
  const parts: Buffer[] = [];
  stream.on("data", (part: Buffer) => parts.push(part));
  await once(stream, "end");
  // postgres.js (3.4) pauses its socket when a row fills the stream's buffer, and resumes it when
  // the stream asks for more: a stream whose end came in the same read never asks, and the
  // connection's next query would hang (porsager/postgres#499; the fix, #1016, is unreleased).
  // Asking once more resumes it; on a socket that is not paused it does nothing.
  (stream as unknown as { _read(size: number): void })._read(0);
  const out = Buffer.concat(parts);
  // A 19-byte header; then the row: its number of fields (2 bytes), the value's length (4) and
  // bytes; then a 2-byte trailer. No row: the header and the trailer only.
  return out.length > 21 ? out.subarray(25, 25 + out.readInt32BE(21)) : null;
}

/** The stored file, chunk after chunk (one chunk in memory at a time). */
export async function* uploadChunks(db: Queryable, uploadId: string): AsyncGenerator<Buffer> {
  const client = serverClient(db);
  for (let seq = 0; ; seq++) {
    if (client) {
      const chunk = await copyChunk(client, uploadId, seq);
      if (!chunk) return;
      yield chunk;
      continue;
    }
    const [chunk] = await db
      .select({ data: importUploadChunks.data })
      .from(importUploadChunks)
      .where(and(eq(importUploadChunks.uploadId, uploadId), eq(importUploadChunks.seq, seq)));
    if (!chunk) return;
    yield Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data);
  }
}

export async function uploadHead(db: Queryable, uploadId: string): Promise<Buffer> {
  const [row] = await db
    .select({
      head: sql<Buffer>`substring(${importUploadChunks.data} from 1 for ${HEAD_BYTES}::int)`,
    })
    .from(importUploadChunks)
    .where(and(eq(importUploadChunks.uploadId, uploadId), eq(importUploadChunks.seq, 0)));
  return row ? Buffer.from(row.head) : Buffer.alloc(0);
}

const NEWLINE = 0x0a;
const MARK = Buffer.from(TOO_LONG_MARK, "utf8");

/**
 * Replaces any physical line longer than `max` bytes by a mark (its content dropped). Works on the
 * file's bytes — a newline is the same byte in UTF-8 and Windows-1252, and never part of another
 * character — and passes a chunk on as it is when none of its lines is too long (nearly always).
 */
export class LineGuard extends Transform {
  private length = 0;
  private dropping = false;
  constructor(private readonly max = MAX_LINE_BYTES) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    /** What is passed on, when something was dropped; the kept bytes from `kept` not yet in it. */
    let out: Buffer[] | null = null;
    let kept = 0;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.length : nl;
      if (this.dropping || this.length + end - start > this.max) {
        out ??= [];
        out.push(chunk.subarray(kept, start));
        if (!this.dropping) out.push(MARK);
        this.dropping = true;
        kept = end;
      }
      this.length += end - start;
      if (nl === -1) break;
      this.length = 0;
      this.dropping = false;
      start = nl + 1;
    }
    if (!out) return done(null, chunk);
    out.push(chunk.subarray(kept));
    done(null, Buffer.concat(out));
  }
}

export type CsvRecord = { line: number; cells: string[] };

/**
 * The file's records, decoded and parsed, each with the line it starts on (1-based). Lines are
 * counted here rather than by csv-parse's `info` (an object per record: a tenth of the worker's
 * time on a million rows): a record spans one line plus the newlines quoted in its cells; an empty
 * line comes out as one empty cell, and is skipped.
 */
export async function* readRecords(
  source: AsyncIterable<Buffer>,
  options: { encoding: ImportEncoding; delimiter: ImportDelimiter },
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: options.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
  });
  // UTF-8 goes to the parser as bytes (it decodes each cell): decoding the whole file first, then
  // the parser encoding it back, cost a tenth of the worker's time. Windows-1252 is decoded first.
  const guarded = Readable.from(source).pipe(new LineGuard());
  const stream = (
    options.encoding === "utf-8" ? guarded : guarded.pipe(iconv.decodeStream("win1252"))
  ).pipe(parser);
  let line = 1;
  for await (const cells of stream as AsyncIterable<string[]>) {
    const start = line;
    line++;
    for (const cell of cells) {
      for (let at = cell.indexOf("\n"); at !== -1; at = cell.indexOf("\n", at + 1)) line++;
    }
    if (cells.length === 1 && cells[0] === "") continue;
    yield { line: start, cells };
  }
}
