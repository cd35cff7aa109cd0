/** The stored training run (predictive_models row) as the API and the UI read it. */
import type { PredictiveModel } from "@/db/schema/predict";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import type { CalibrationBin } from "./calibration";
import type { FeatureSpec } from "./features";
import type {
  Coefficient,
  DroppedAttribute,
  FlaggedAttribute,
  NewRuleSuggestion,
  PredictiveSummary,
  RuleSuggestion,
} from "./types";

/** What predictive_models.detail holds (everything but minimum is absent on "insufficient" rows). */
export type PredictiveDetail = {
  minimum: { decided: number; positives: number };
  windowDays: number;
  ms: number;
  lambda?: number;
  foldLambdas?: number[];
  attributes?: { field: string; label: string; kind: "text" | "number" | "date" }[];
  dropped?: DroppedAttribute[];
  flagged?: FlaggedAttribute[];
  ownAucs?: Record<string, number>;
  tooGood?: boolean;
  candidates?: { tested: number; discoveries: number; naive: number };
  foldAucs?: number[];
  heldOutAuc?: number | null;
  calibration?: CalibrationBin[];
  brier?: number | null;
  intercept?: number;
  converged?: boolean;
  iterations?: number;
  coefficients?: Coefficient[];
  /** Training mean of each feature, in spec order: factors are weight × (x − mean). */
  means?: number[];
  spec?: FeatureSpec;
  suggestions?: { rules: RuleSuggestion[]; newRules: NewRuleSuggestion[] };
  pointsPerLogOdds?: number;
};

export function summaryOf(row: PredictiveModel): PredictiveSummary {
  const d = row.detail;
  return {
    id: row.id,
    trainedAt: row.trainedAt.toISOString(),
    target: row.target as OutcomeTarget,
    status: row.status === "ready" ? "ready" : "insufficient",
    decided: row.decided,
    positives: row.positives,
    minimum: d.minimum,
    since: row.since ? row.since.toISOString() : null,
    auc: row.auc,
    foldAucs: d.foldAucs ?? [],
    calibration: d.calibration ?? [],
    coefficients: d.coefficients ?? [],
    suggestions: d.suggestions ?? { rules: [], newRules: [] },
    brier: d.brier ?? null,
    pointsPerLogOdds: d.pointsPerLogOdds ?? null,
    trainingMs: d.ms,
    lambda: d.lambda ?? null,
    attributes: d.attributes ?? [],
    dropped: d.dropped ?? [],
    flagged: d.flagged ?? [],
    tooGood: d.tooGood ?? false,
    candidates: d.candidates,
  };
}
