/**
 * A stored upload reads back byte for byte (on PostgreSQL by COPY in binary format), in chunks,
 * and the connection that read it serves the next query: a file of one small chunk and one of
 * several 1 MB chunks, read in turn on a pool of one connection.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDb, queryRows, type Db } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { CHUNK_BYTES, storeUpload, uploadChunks } from "./upload";

let t: TestDb;
let one: { db: Db; close(): Promise<void> } | null = null;

beforeAll(async () => {
  t = await createTestDb();
  // On PostgreSQL, a pool of one: every read and query below shares the connection.
  if (t.url) one = await openDb({ kind: "postgres", url: t.url, max: 1 });
}, 120_000);
afterAll(async () => {
  await one?.close();
  await t?.close();
});

async function* pieces(buf: Buffer) {
  for (let i = 0; i < buf.length; i += 300_000) yield buf.subarray(i, i + 300_000);
}

async function readBack(db: Db, id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of uploadChunks(db, id)) parts.push(chunk);
  return Buffer.concat(parts);
}

it("reads every byte back, chunk after chunk, and the connection serves the next query", async () => {
  // Every byte value (not UTF-8: a Windows-1252 file), 2.5 chunks long; and a 40 KB file.
  const big = Buffer.alloc(Math.floor(CHUNK_BYTES * 2.5), 0);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 11)) & 0xff;
  const small = Buffer.from("email,company\n" + "a@x.io,Société\n".repeat(2_500), "latin1");
  const storedBig = await storeUpload(t.db, pieces(big), { fileName: "big.csv", createdBy: null });
  const storedSmall = await storeUpload(t.db, pieces(small), {
    fileName: "s.csv",
    createdBy: null,
  });
  const db = one?.db ?? t.db;
  for (let round = 0; round < 2; round++) {
    expect((await readBack(db, storedSmall.id)).equals(small)).toBe(true);
    const back = await readBack(db, storedBig.id);
    expect(back.length).toBe(big.length);
    expect(back.equals(big)).toBe(true);
    const [row] = await queryRows<{ n: number }>(db, sql`select 41 + ${round} as n`);
    expect(row.n).toBe(41 + round);
  }
}, 30_000);
