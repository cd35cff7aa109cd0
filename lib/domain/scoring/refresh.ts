/**
 * Decay refresh. Rules with a half-life or a window make scores age; the refresh rescores every
 * lead against the active version at the current time. It runs in-process every hour on the
 * embedded default (lib/server/jobs.ts) and skips itself when the model has no time-dependent rule
 * or when every score is younger than the interval.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { lockScoringExclusive, tuneForScoring } from "./locks";
import { isActive, type ScoringModel } from "./model";
import { scoreAndHandOff } from "@/lib/domain/lifecycle/score-and-hand-off";
import { getActiveModel } from "./versions";

export const REFRESH_INTERVAL_MS = 60 * 60 * 1000;

export function agesWithTime(model: ScoringModel): boolean {
  return model.rules.some(
    (r) => isActive(r) && r.kind === "event" && (r.halfLifeDays || r.withinDays),
  );
}

export type RefreshResult = { skipped: string } | { version: number; scored: number; ms: number };

export async function refreshScores(
  db: Db,
  options: { now?: Date; force?: boolean } = {},
): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const started = performance.now();
  return db.transaction(async (tx) => {
    await lockScoringExclusive(tx);
    await tuneForScoring(tx);
    const active = await getActiveModel(tx);
    if (!active) return { skipped: "no published model" };
    if (!agesWithTime(active.model)) return { skipped: "the model has no decay or window" };
    if (!options.force) {
      const [oldest] = await queryRows<{ at: string | null }>(
        tx,
        sql`select min(as_of) as at from lead_scores`,
      );
      if (oldest.at && now.getTime() - new Date(oldest.at).getTime() < REFRESH_INTERVAL_MS * 0.9)
        return { skipped: "scores are fresh" };
    }
    const { scored } = await scoreAndHandOff(tx, {
      model: active.model,
      version: active.version,
      asOf: now,
      cause: "refresh",
    });
    return { version: active.version, scored, ms: Math.round(performance.now() - started) };
  });
}
