/**
 * Decay refresh. Rules with a half-life or a window make scores age with time alone; the refresh
 * rescores, against the active version and the current time, only the leads whose score can still
 * move — those with an event such a rule counts that is recent enough to still weigh (within its
 * window, or younger than 20 half-lives: older contributions are below a millionth of a point).
 * It works in batches, each its own short transaction under the shared scoring lock and the
 * leads' row locks, so ingestion keeps flowing while it runs and a publish waits only for a batch.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { scoreAndHandOff } from "@/lib/domain/lifecycle/score-and-hand-off";
import { lockLeads, lockScoringShared, tuneForScoring } from "./locks";
import { isActive, type EventRule, type ScoringModel } from "./model";
import { getActiveModel } from "./versions";

export const REFRESH_INTERVAL_MS = 60 * 60 * 1000;
const BATCH = 5_000;
const DAY_MS = 86_400_000;

function timeDependent(model: ScoringModel): EventRule[] {
  return model.rules.filter(
    (r): r is EventRule =>
      isActive(r) && r.kind === "event" && Boolean(r.halfLifeDays || r.withinDays),
  );
}

export function agesWithTime(model: ScoringModel): boolean {
  return timeDependent(model).length > 0;
}

/** How far back an event of the rule can still change a score, in days. */
function horizonDays(rule: EventRule): number {
  const decay = rule.halfLifeDays ? rule.halfLifeDays * 20 : 0;
  return Math.min(Math.max(rule.withinDays ?? 0, decay), 3650);
}

export type RefreshResult =
  | { skipped: string }
  | { version: number; candidates: number; scored: number; handedOver: number; ms: number };

export async function refreshScores(
  db: Db,
  options: {
    now?: Date;
    force?: boolean;
    onProgress?: (done: number, total: number | null, phase?: string) => Promise<void>;
  } = {},
): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const active = await getActiveModel(db);
  if (!active) return { skipped: "no published model" };
  const rules = timeDependent(active.model);
  if (!rules.length) return { skipped: "the model has no decay or window" };
  const [oldest] = await queryRows<{ at: string | null }>(
    db,
    sql`select min(as_of) as at from lead_scores`,
  );
  const oldestAsOf = oldest.at ? new Date(oldest.at).getTime() : now.getTime();
  if (!options.force && now.getTime() - oldestAsOf < REFRESH_INTERVAL_MS * 0.9)
    return { skipped: "scores are fresh" };
  // An event that left a window since the oldest score was computed still has to be taken out.
  const since = (rule: EventRule) =>
    new Date(Math.min(oldestAsOf, now.getTime()) - horizonDays(rule) * DAY_MS - DAY_MS);
  const candidates = await queryRows<{ id: string }>(
    db,
    sql`select distinct e.lead_id as id from events e
        where ${sql.join(
          rules.map(
            (r) =>
              sql`(e.name = ${r.event} and e.occurred_at >= ${since(r).toISOString()}::timestamptz)`,
          ),
          sql` or `,
        )}
        order by 1`,
  );
  let scored = 0;
  let handedOver = 0;
  await options.onProgress?.(0, candidates.length, "refreshing");
  for (let i = 0; i < candidates.length; i += BATCH) {
    const ids = candidates.slice(i, i + BATCH).map((c) => c.id);
    const result = await db.transaction(async (tx) => {
      await lockScoringShared(tx);
      await tuneForScoring(tx);
      // The active version may have changed while earlier batches ran: score with the live one.
      const live = await getActiveModel(tx);
      if (!live) return { scored: 0, handedOver: 0 };
      await lockLeads(tx, ids);
      return scoreAndHandOff(tx, {
        model: live.model,
        version: live.version,
        asOf: now,
        cause: "refresh",
        leadIds: ids,
      });
    });
    scored += result.scored;
    handedOver += result.handedOver;
    await options.onProgress?.(
      Math.min(i + BATCH, candidates.length),
      candidates.length,
      "refreshing",
    );
  }
  return {
    version: active.version,
    candidates: candidates.length,
    scored,
    handedOver,
    ms: Math.round(performance.now() - started),
  };
}
