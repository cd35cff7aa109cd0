/**
 * New leads get time-ordered ids (UUID version 7, migration 0018) on both databases: a lead
 * created later sorts after one created earlier, so inserts land at the end of the primary key.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

it("gives new leads UUID version 7 ids, in the order they were created", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const [row] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into leads (email) values (${`v7-${i}@example.com`}) returning id`,
    );
    ids.push(row.id);
    // A new millisecond between two leads (within one, v7's order is random).
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  for (const id of ids)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect([...ids].sort()).toEqual(ids);
  // The first 48 bits are the creation time in milliseconds.
  const ms = parseInt(ids[0].replace(/-/g, "").slice(0, 12), 16);
  expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  const [{ n }] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(distinct accord_uuid_v7())::int as n from generate_series(1, 1000)`,
  );
  expect(n).toBe(1000);
});
