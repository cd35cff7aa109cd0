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
  /** The backtest's window ends here: the latest handoff. `weeks`: the weeks it covers. */
  windowEnd?: string;
  /** The model judged: past handoffs were scored under it, as of each handoff. */
  model: "live" | "draft";
  /** The live version judged; null for the draft. */
  version: number | null;
  /** Handoffs without a record of the lead's attributes then: read as the lead is now. */
  unrecorded: number;
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
/** A rule document ready for the draft: an attribute rule on a lead field or trait, as a person writes it. */
export type SuggestedRule = {
  id: string;
  kind: "attribute";
  label: string;
  field: string;
  points: number;
} & (
  | { op: "eq"; value: string }
  | { op: "in"; value: string[] }
  | { op: "between"; value: [number, number] }
  | { op: "gte"; value: number }
);
export type NewRuleSuggestion = {
  rule: SuggestedRule;
  weight: number;
  support: number;
  lift: number | null;
  /** Rests on an attribute the leakage guard flagged (included knowingly). */
  flagged?: boolean;
  /** Ticked when the panel opens: never when flagged. */
  preselected?: boolean;
};

export type DroppedAttribute = {
  field: string;
  label: string;
  reason: "constant" | "near_constant" | "too_many_values";
};
export type LeakReason =
  | { code: "set_after_handoff"; count: number; share: number }
  | { code: "separates_outcome"; auc: number };
export type FlaggedAttribute = {
  field: string;
  label: string;
  reasons: LeakReason[];
  included: boolean;
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
  /** λ chosen by cross-validation. */
  lambda?: number | null;
  /** The attributes the model learnt from (kind: text, number, date). */
  attributes?: { field: string; label: string; kind: "text" | "number" | "date" }[];
  /** Attributes left out because they carry no usable information, with why. */
  dropped?: DroppedAttribute[];
  /** The leakage guard's findings: left out unless `included`. */
  flagged?: FlaggedAttribute[];
  /** The held-out AUC is at or above 0.95: too good to be true for lead scoring. */
  tooGood?: boolean;
  /** Suggestion candidates tested, kept by Benjamini–Hochberg, and how many |z| ≥ 2 would have kept. */
  candidates?: { tested: number; discoveries: number; naive: number };
};

/** One of a lead's largest contributions, signed, in log-odds. */
export type PredictionFactor = { feature: string; label: string; contribution: number };

export type LeadPredictionView = {
  probability: number;
  modelId: number;
  computedAt: string;
  factors: PredictionFactor[];
};
