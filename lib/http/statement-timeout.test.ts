/**
 * On-demand analyses are bounded in time: reports and backtests run with the limit set, and on
 * PostgreSQL a statement past it stops and answers 422 in one line (PGlite has no statement timer).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import {
  ANALYSIS_TIMEOUT_SECONDS,
  isStatementTimeout,
  limitStatementTime,
} from "@/db/statement-timeout";
import { reportSnapshot } from "@/lib/domain/reports/snapshot";
import { scoringQuery } from "@/lib/domain/scoring/handoff-rows";
import { toResponse } from "./respond";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(async () => t?.close());

const setting = sql`select current_setting('statement_timeout') as v`;

describe("statement time limits", () => {
  it("hold for every statement of a report and of a backtest, and only there", async () => {
    const expected = `${ANALYSIS_TIMEOUT_SECONDS}s`;
    const report = await reportSnapshot(t.db, (tx) => queryRows<{ v: string }>(tx, setting));
    expect(report[0].v).toBe(expected);
    const backtest = await scoringQuery<{ v: string }>(t.db, setting);
    expect(backtest[0].v).toBe(expected);
    // Set for the transaction only: the connection goes back to the pool without it.
    const after = await queryRows<{ v: string }>(t.db, setting);
    expect(after[0].v).toBe("0");
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "stop a statement past the limit on PostgreSQL, answered as 422 in one line",
    async () => {
      const started = performance.now();
      const error = await t.db
        .transaction(async (tx) => {
          await limitStatementTime(tx, 100);
          await tx.execute(sql`select pg_sleep(5)`);
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(performance.now() - started).toBeLessThan(4000);
      expect(isStatementTimeout(error)).toBe(true);
      const warn = vi.spyOn(console, "error").mockImplementation(() => {});
      const answer = toResponse(error);
      warn.mockRestore();
      expect(answer.status).toBe(422);
      const body = (await answer.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unprocessable");
      expect(body.error.message).toMatch(/took longer than 30 s/);
    },
  );
});
