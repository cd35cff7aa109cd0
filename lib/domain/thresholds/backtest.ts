/**
 * The threshold assistant: a recommended MQL threshold for a target rate and the reps' capacity,
 * from the shared backtest (handoff-backtest.ts): past handoffs scored under the model being
 * judged — the live model, or the draft — as of each handoff, with their outcomes for the report
 * target. MQLs per week and conversion are defined there, once, for the designer and the assistant.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { outcomeSettings } from "@/lib/domain/predict/settings";
import type { ThresholdRecommendation } from "@/lib/domain/predict/types";
import {
  backtestHandoffs,
  byScore,
  DEFAULT_WEEKS,
  judgedModel,
  weeksCoveredBy,
  type JudgedModel,
} from "./handoff-backtest";
import { recommendThreshold } from "./recommend";

export { DEFAULT_WEEKS };

export type BacktestInput = {
  now: Date;
  target?: OutcomeTarget;
  rate?: number;
  capacity?: number;
  weeks?: number;
  /** The model judged: the live one (default) or the draft. */
  model?: JudgedModel;
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
  const which = input.model ?? "live";
  const [judged, capacity] = await Promise.all([
    judgedModel(db, which),
    input.capacity ?? repCapacity(db),
  ]);
  const target = input.target ?? settings.target;
  const targetRate = input.rate ?? settings.targetRate;
  if (!judged) {
    const empty = recommendThreshold({
      buckets: [],
      weeks: 0,
      targetRate,
      capacityPerWeek: capacity,
      currentThreshold: null,
    });
    return { target, ...empty, model: which, version: null, outcomesSince: null, unrecorded: 0 };
  }
  const bt = await backtestHandoffs(db, {
    model: judged.model,
    now: input.now,
    target,
    weeks: input.weeks,
  });
  const result = recommendThreshold({
    buckets: byScore(bt.buckets),
    weeks: weeksCoveredBy(bt),
    targetRate,
    capacityPerWeek: capacity,
    currentThreshold: judged.model.mqlThreshold,
  });
  return {
    target,
    ...result,
    model: judged.judged,
    version: judged.version,
    outcomesSince: bt.outcomesSince ? bt.outcomesSince.toISOString() : null,
    windowEnd: bt.end.toISOString(),
    unrecorded: bt.unrecorded,
  };
}
