/**
 * How a report runs: in one read-only, repeatable-read transaction, so every query of a report sees
 * the same data (a decision landing between two of them cannot make the totals disagree), and with
 * JIT compilation off — these plans cost about 120 ms each to compile at 100,000 leads, more than
 * the compiled code saved (measured in `npm run bench -- --only reports`). Each statement is
 * bounded in time (db/statement-timeout.ts).
 */
import { sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { limitStatementTime } from "@/db/statement-timeout";

export function reportSnapshot<T>(db: Db, run: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await limitStatementTime(tx);
      return run(tx);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
