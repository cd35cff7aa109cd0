import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

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
