/**
 * The threshold assistant's decision, from past handoffs bucketed by whole score at handoff
 * (backtest.ts). For each candidate threshold: MQLs per week at or above it, how many of those
 * were decided and converted, and the converted handoffs it would have missed.
 *
 * The recommendation is the LOWEST threshold whose rate reaches the target on at least 30 decided
 * handoffs and whose weekly volume the reps can take. If the rate is reachable but the volume is
 * not, it is raised until the volume fits ("capacity_bound"); if no threshold reaches the rate, the
 * lowest threshold converting within 2 points of the best-converting one with 30 decided is offered ("rate_unreachable"); with fewer than 30 decided
 * handoffs in all, nothing is recommended ("not_enough_data"). Buckets are whole points, so a
 * fractional threshold T is read as "score ≥ ⌈T⌉".
 */
import type { ThresholdPoint, ThresholdRecommendation } from "@/lib/domain/predict/types";

export const MIN_DECIDED = 30;
/** When the target is out of reach, a higher threshold must convert this much better to be worth its lost volume. */
export const MIN_GAIN = 0.02;

export type HandoffScoreBucket = {
  score: number;
  mqls: number;
  decided: number;
  converted: number;
  accepted?: number;
};

export type RecommendInput = {
  buckets: HandoffScoreBucket[];
  weeks: number;
  targetRate: number;
  capacityPerWeek: number;
  currentThreshold: number | null;
};

export function pointAt(
  buckets: HandoffScoreBucket[],
  threshold: number,
  weeks: number,
): ThresholdPoint {
  let mqls = 0;
  let decided = 0;
  let converted = 0;
  let convertedTotal = 0;
  let acceptedLost = 0;
  for (const b of buckets) {
    convertedTotal += b.converted;
    if (b.score < threshold) {
      acceptedLost += b.accepted ?? 0;
      continue;
    }
    mqls += b.mqls;
    decided += b.decided;
    converted += b.converted;
  }
  return {
    threshold,
    mqlsPerWeek: weeks > 0 ? mqls / weeks : 0,
    decided,
    converted,
    rate: decided ? converted / decided : null,
    convertedLost: convertedTotal - converted,
    acceptedLost,
  };
}

export function recommendThreshold(
  input: RecommendInput,
): Omit<ThresholdRecommendation, "target" | "outcomesSince" | "model" | "version" | "unrecorded"> {
  const { buckets, weeks, targetRate, capacityPerWeek, currentThreshold } = input;
  const scores = [...new Set(buckets.map((b) => b.score))].sort((a, b) => a - b);
  const curve = scores.map((s) => pointAt(buckets, s, weeks));
  const decided = buckets.reduce((s, b) => s + b.decided, 0);
  const base = {
    targetRate,
    capacityPerWeek,
    weeks,
    curve,
    decided,
    current: currentThreshold === null ? null : pointAt(buckets, currentThreshold, weeks),
  };
  if (decided < MIN_DECIDED) return { ...base, recommended: null, reason: "not_enough_data" };
  const trusted = curve.filter((p) => p.decided >= MIN_DECIDED);
  // No capacity known (no reps set up, e.g. an imported history): volume does not constrain.
  const fitsCapacity = (p: ThresholdPoint) =>
    capacityPerWeek <= 0 || p.mqlsPerWeek <= capacityPerWeek;
  const meets = trusted.find((p) => p.rate !== null && p.rate >= targetRate);
  if (meets) {
    if (capacityPerWeek <= 0) return { ...base, recommended: meets, reason: "meets_rate" };
    if (fitsCapacity(meets))
      return { ...base, recommended: meets, reason: "meets_rate_and_capacity" };
    const fits =
      curve.find((p) => p.threshold > meets.threshold && fitsCapacity(p)) ??
      curve[curve.length - 1];
    return { ...base, recommended: fits, reason: "capacity_bound" };
  }
  const best = trusted.reduce((a, b) => ((b.rate ?? -1) > (a.rate ?? -1) ? b : a));
  // The lowest threshold converting about as well as the best: no volume given up for noise.
  const enough = trusted.find((p) => (p.rate ?? -1) >= (best.rate ?? -1) - MIN_GAIN) ?? best;
  return { ...base, recommended: enough, reason: "rate_unreachable" };
}
