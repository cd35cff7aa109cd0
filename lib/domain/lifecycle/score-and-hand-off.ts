/**
 * What follows every score change — ingestion, lead updates, publish, decay refresh: rescore, then
 * hand over the leads that now meet the MQL conditions. Callers hold the scoring lock.
 */
import type { Queryable } from "@/db/client";
import { rescore, type RescoreCause, type RescoreResult } from "@/lib/domain/scoring/rescore";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { handOff, type HandOffResult } from "./hand-off";

export async function scoreAndHandOff(
  tx: Queryable,
  args: {
    model: ScoringModel;
    version: number;
    asOf: Date;
    cause: RescoreCause;
    leadIds?: string[] | null;
  },
): Promise<RescoreResult & HandOffResult> {
  const scored = await rescore(tx, args);
  const handed = await handOff(tx, {
    model: args.model,
    version: args.version,
    now: args.asOf,
    leadIds: args.leadIds,
  });
  return { ...scored, ...handed };
}
