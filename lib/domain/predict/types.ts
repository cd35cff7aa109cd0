/**
 * The shapes of the recalibration assistant and the predictive score, shared by lib/predict,
 * lib/domain/thresholds/recommend, the API routes and the UI.
 */
import type { OutcomeTarget } from "@/lib/shared/vocabulary";

/** One candidate threshold of the backtest over past handoffs (by their score at handoff). */
export type ThresholdPoint = {
  threshold: number;
  /** Past handoffs at or above it, per week on average over the backtest window. */
  mqlsPerWeek: number;
  decided: number;
  converted: number;
  rate: number | null;
  /** Converted handoffs below it: what this threshold would have missed. */
  convertedLost: number;
  /** Handoffs below it that sales accepted (SAL or beyond), whatever the target. */
  acceptedLost: number;
};

export type ThresholdRecommendation = {
  target: OutcomeTarget;
  targetRate: number;
  /** Open MQLs the reps can take per week (sum of capacities, or as given). */
  capacityPerWeek: number;
  weeks: number;
  current: ThresholdPoint | null;
  recommended: ThresholdPoint | null;
  /** Why this one, in a code the UI translates ("meets_rate": no capacity is set). */
  reason:
    | "meets_rate"
    | "meets_rate_and_capacity"
    | "capacity_bound"
    | "rate_unreachable"
    | "not_enough_data";
  curve: ThresholdPoint[];
  decided: number;
  outcomesSince: string | null;
  /** The backtest covers the `weeks` up to here: the latest handoff. */
  windowEnd?: string;
  /** Handoffs recorded without a score (imported), placed by their current score instead. */
  rescored?: number;
};

export type Coefficient = {
  feature: string;
  label: string;
  weight: number;
  stdError: number | null;
  support: number;
};

export type RuleSuggestion = {
  ruleId: string;
  label: string;
  currentPoints: number;
  suggestedPoints: number;
  weight: number;
  support: number;
  lift: number | null;
};
export type NewRuleSuggestion = {
  /** A rule document ready for the draft (attribute rule on a lead field or trait). */
  rule: {
    id: string;
    kind: "attribute";
    label: string;
    field: string;
    op: "eq";
    value: string;
    points: number;
  };
  weight: number;
  support: number;
  lift: number | null;
};

export type PredictiveSummary = {
  id: number;
  trainedAt: string;
  target: OutcomeTarget;
  status: "ready" | "insufficient";
  decided: number;
  positives: number;
  minimum: { decided: number; positives: number };
  since: string | null;
  auc: number | null;
  foldAucs: number[];
  /** Predicted vs observed per tenth of predicted probability. */
  calibration: { bin: number; predicted: number; observed: number; count: number }[];
  coefficients: Coefficient[];
  suggestions: { rules: RuleSuggestion[]; newRules: NewRuleSuggestion[] };
  /** Optional additions: Brier score of the held-out predictions, the points-per-log-odds scale of the suggestions, training time. */
  brier?: number | null;
  pointsPerLogOdds?: number | null;
  trainingMs?: number;
};

/** One of a lead's largest contributions, signed, in log-odds. */
export type PredictionFactor = { feature: string; label: string; contribution: number };

export type LeadPredictionView = {
  probability: number;
  modelId: number;
  computedAt: string;
  factors: PredictionFactor[];
};
