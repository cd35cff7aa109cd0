/**
 * The threshold assistant's evidence: handoffs of the N weeks up to the latest handoff (now, for a
 * live funnel; the end of an imported history otherwise) by whole score at handoff, with their
 * outcomes for the report target (from the one handoff-outcomes query). Volume counts every
 * handoff; decided / converted only those after outcomes start being recorded. A handoff recorded
 * without a score (an import from before Accord) is placed by its current score, and counted as such.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import {
  mqlOutcomesSql,
  outcomeSql,
  outcomesRecordedSince,
} from "@/lib/domain/outcomes/mql-outcomes";
import { outcomeSettings } from "@/lib/domain/predict/settings";
import type { ThresholdRecommendation } from "@/lib/domain/predict/types";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { recommendThreshold, type HandoffScoreBucket } from "./recommend";

export const DEFAULT_WEEKS = 26;

export type BacktestInput = {
  now: Date;
  target?: OutcomeTarget;
  rate?: number;
  capacity?: number;
  weeks?: number;
};

/** Open MQLs the active reps can hold, summed: the default weekly capacity. */
export async function repCapacity(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ capacity: number }>(
    db,
    sql`select coalesce(sum(capacity), 0)::int as capacity from users where role = 'rep' and active`,
  );
  return Number(row?.capacity ?? 0);
}

export async function thresholdRecommendation(
  db: Queryable,
  input: BacktestInput,
): Promise<ThresholdRecommendation> {
  const settings = await outcomeSettings(db);
  const target = input.target ?? settings.target;
  const weeks = input.weeks ?? DEFAULT_WEEKS;
  const [since, [last]] = await Promise.all([
    outcomesRecordedSince(db, target),
    queryRows<{ at: Date | string | null }>(
      db,
      sql`select max(at) as at from lead_transitions where to_stage = 'mql' and at <= ${input.now.toISOString()}::timestamptz`,
    ),
  ]);
  const end = last?.at ? new Date(last.at) : input.now;
  const from = new Date(end.getTime() - weeks * 7 * 86_400_000);
  const { decided, positive } = outcomeSql(target, settings.windowDays, input.now);
  const known = since
    ? sql`(${decided} and mql_at >= ${since.toISOString()}::timestamptz)`
    : sql`false`;
  const [buckets, capacity, active] = await Promise.all([
    queryRows<HandoffScoreBucket & { rescored: number }>(
      db,
      sql`select floor(coalesce(o.score_total, s.total))::int as score, count(*)::int as mqls,
                 count(*) filter (where ${known})::int as decided,
                 count(*) filter (where ${known} and ${positive})::int as converted,
                 count(*) filter (where o.score_total is null)::int as rescored,
                 count(*) filter (where o.accepted_at is not null)::int as accepted
          from (${mqlOutcomesSql({ from }, input.now, { owner: false })}) o left join lead_scores s on s.lead_id = o.lead_id
          where coalesce(o.score_total, s.total) is not null
          group by 1 order by 1`,
    ),
    input.capacity ?? repCapacity(db),
    getActiveModel(db),
  ]);
  const result = recommendThreshold({
    buckets: buckets.map((b) => ({
      score: Number(b.score),
      mqls: Number(b.mqls),
      decided: Number(b.decided),
      converted: Number(b.converted),
      accepted: Number(b.accepted),
    })),
    weeks,
    targetRate: input.rate ?? settings.targetRate,
    capacityPerWeek: capacity,
    currentThreshold: active?.model.mqlThreshold ?? null,
  });
  const rescored = buckets.reduce((sum, b) => sum + Number(b.rescored), 0);
  return {
    target,
    ...result,
    outcomesSince: since ? since.toISOString() : null,
    windowEnd: end.toISOString(),
    rescored,
  };
}
