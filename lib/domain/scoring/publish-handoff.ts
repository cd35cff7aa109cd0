/**
 * The handoffs a publish causes, after its swap: the leads now meeting the MQL conditions under
 * the new version are handed over a few thousand per short transaction, under the shared scoring
 * lock like an ingestion batch — so ingestion never waits for them (a first publish can hand over
 * tens of thousands). Idempotent: a publish cut off here hands the rest over when run again.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { handOff } from "@/lib/domain/lifecycle/hand-off";
import { eligibleSql, lastRecycleJoin } from "@/lib/domain/lifecycle/eligibility-sql";
import { lockScoringShared } from "./locks";
import type { ScoringModel } from "./model";

const HANDOFF_BATCH = 2_000;

export async function handOffAfterSwap(
  db: Db,
  args: { model: ScoringModel; version: number; now: Date },
): Promise<number> {
  const candidates = await queryRows<{ id: string }>(
    db,
    sql`select leads.id from leads join lead_scores s on s.lead_id = leads.id
        ${lastRecycleJoin}
        where ${eligibleSql(args.model, args.now)} order by leads.id`,
  );
  const ids = candidates.map((c) => c.id);
  let handedOver = 0;
  for (let i = 0; i < ids.length; i += HANDOFF_BATCH) {
    const stillLive = await db.transaction(async (tx) => {
      await lockScoringShared(tx);
      // A later version made live meanwhile hands over under its own conditions.
      const [live] = await queryRows<{ version: number }>(
        tx,
        sql`select max(version)::int as version from model_versions where state = 'live'`,
      );
      if (live?.version !== args.version) return false;
      const moved = await handOff(tx, { ...args, leadIds: ids.slice(i, i + HANDOFF_BATCH) });
      handedOver += moved.handedOver;
      return true;
    });
    if (!stillLive) break;
  }
  await db.execute(
    sql`update audit_log set data = jsonb_set(data, '{handedOver}', to_jsonb(coalesce((data->>'handedOver')::int, 0) + ${handedOver}::int))
        where action = 'model.published' and target_id = ${String(args.version)}`,
  );
  return handedOver;
}
