import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "./client";
import { arrayParam } from "./sql-array";
import { createTestDb, type TestDb } from "./testing";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe("array parameters", () => {
  it("round-trip any string, including quotes, backslashes, commas, braces and NULL-looking text", async () => {
    const values = [
      "plain",
      'with "quotes"',
      "back\\slash",
      "comma, brace } {",
      "NULL",
      "",
      "élan",
      "'; drop table leads; --",
    ];
    const [row] = await queryRows<{ v: string[] }>(
      t.db,
      sql`select ${arrayParam(values, "text")} as v`,
    );
    expect(row.v).toEqual(values);
  });

  it("carries numbers and an empty list", async () => {
    const [row] = await queryRows<{ n: string[]; e: string[]; c: number }>(
      t.db,
      sql`select ${arrayParam([1.5, -2, 10], "numeric")}::text[] as n, ${arrayParam([], "text")} as e, cardinality(${arrayParam([], "uuid")})::int as c`,
    );
    expect(row.n).toEqual(["1.5", "-2", "10"]);
    expect(row.e).toEqual([]);
    expect(row.c).toBe(0);
  });
});
