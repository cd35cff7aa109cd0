import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { leads } from "@/db/schema";

/**
 * One advisory lock orders scoring writes. Publish and refresh rescore every lead and take it
 * exclusively, so two publishes run one after the other; ingestion takes it shared, so batches run
 * side by side but wait for a publish and then score with the new version — an event ingested
 * during a publish is never lost nor left scored by the old model.
 */
const SCORING_LOCK = 727_001;

export async function lockScoringExclusive(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SCORING_LOCK})`);
}

export async function lockScoringShared(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${SCORING_LOCK})`);
}

/**
 * Session settings for the big scoring statements, for this transaction only: JIT compilation
 * costs more than it saves on them (measured), and the per-lead aggregate needs more than the
 * default 4 MB of memory not to spill to disk.
 */
export async function tuneForScoring(tx: Queryable): Promise<void> {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local work_mem = '64MB'`);
}

/** For ingestion batches: small queries, many at once — parallel workers cost more than they save. */
export async function tuneForIngestion(tx: Queryable): Promise<void> {
  await tuneForScoring(tx);
  await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
}

/**
 * An ingestion batch's start in one round trip: the shared scoring lock and the settings of
 * tuneForIngestion (set_config(…, true) is SET LOCAL).
 */
export async function beginIngestion(tx: Queryable): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock_shared(${SCORING_LOCK}), set_config('jit', 'off', true),
          set_config('work_mem', '64MB', true), set_config('max_parallel_workers_per_gather', '0', true)`,
  );
}

/**
 * Locks the leads' rows in a fixed order, so concurrent batches touching a lead score it one after
 * the other. NO KEY UPDATE: it does not conflict with the KEY SHARE locks that inserting events (a
 * foreign key to the lead) takes, so those never deadlock with it.
 */
export async function lockLeads(tx: Queryable, leadIds: string[]): Promise<void> {
  if (!leadIds.length) return;
  const sorted = [...new Set(leadIds)].sort();
  await tx.execute(
    sql`select id from ${leads} where id = any(${arrayParam(sorted, "uuid")}) order by id for no key update`,
  );
}
