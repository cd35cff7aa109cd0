/**
 * A bound on how long an on-demand analysis may hold the database: a draft preview, a report, a
 * backtest. PostgreSQL stops any statement of the transaction that runs past it (SQLSTATE 57014),
 * and the request answers in one line what was too costly instead of holding a connection for
 * minutes. The embedded database (PGlite) has no statement timer: there a statement runs to its end.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "./client";
import { pgCode } from "./pg-errors";

/** Seconds one statement of an on-demand analysis may run. */
export const ANALYSIS_TIMEOUT_SECONDS = 30;

/** For the rest of this transaction, statements stop after `ms` milliseconds. */
export async function limitStatementTime(
  tx: Queryable,
  ms: number = ANALYSIS_TIMEOUT_SECONDS * 1000,
): Promise<void> {
  await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(1, Math.trunc(ms))}`));
}

/** A statement stopped by its time limit (or cancelled). */
export const isStatementTimeout = (error: unknown): boolean => pgCode(error) === "57014";
