/** Response shapes of the recalibration assistant and the predictive score (lib/domain/predict/types.ts), for the OpenAPI document and tests. */
import { z } from "zod";
import { OUTCOME_TARGETS } from "@/lib/shared/vocabulary";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { newRuleSchema } from "@/lib/domain/predict/schemas";

const at = z.iso.datetime();
const share = z.number().min(0).max(1);

export const thresholdPointSchema = z.object({
  threshold: z.number(),
  mqlsPerWeek: z.number().describe("Past handoffs at or above it, per week."),
  decided: z.number().int(),
  converted: z.number().int(),
  rate: share.nullable(),
  convertedLost: z
    .number()
    .int()
    .describe("Converted handoffs below it: what it would have missed."),
  acceptedLost: z
    .number()
    .int()
    .describe(
      "Handoffs below it that sales accepted (SAL or beyond): the accepted leads it would have lost.",
    ),
});

export const thresholdRecommendationSchema = z.object({
  target: z.enum(OUTCOME_TARGETS),
  targetRate: share,
  capacityPerWeek: z.number(),
  weeks: z.number().int(),
  current: thresholdPointSchema.nullable(),
  recommended: thresholdPointSchema.nullable(),
  reason: z.enum([
    "meets_rate",
    "meets_rate_and_capacity",
    "capacity_bound",
    "rate_unreachable",
    "not_enough_data",
  ]),
  curve: z.array(thresholdPointSchema),
  decided: z.number().int(),
  outcomesSince: at.nullable(),
  windowEnd: at.optional(),
  model: z.enum(["live", "draft"]).describe("The model judged: past handoffs scored under it."),
  version: z.number().int().nullable().describe("The live version judged; null for the draft."),
  unrecorded: z
    .number()
    .int()
    .describe("Handoffs without a record of the lead's attributes then, read as the lead is now."),
});

const coefficientSchema = z.object({
  feature: z.string(),
  label: z.string(),
  weight: z.number(),
  stdError: z.number().nullable(),
  support: z.number().int(),
});
const ruleSuggestionSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  currentPoints: z.number(),
  suggestedPoints: z.number(),
  weight: z.number(),
  support: z.number().int(),
  lift: z.number().nullable(),
});
const newRuleSuggestionSchema = z.object({
  rule: newRuleSchema,
  weight: z.number(),
  support: z.number().int(),
  lift: z.number().nullable(),
  flagged: z.boolean().optional().describe("Rests on an attribute the leakage guard flagged."),
  preselected: z.boolean().optional().describe("Ticked by default; never when flagged."),
});
const leakReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("set_after_handoff"), count: z.number().int(), share }),
  z.object({ code: z.literal("separates_outcome"), auc: share }),
]);

export const predictiveSummarySchema = z.object({
  id: z.number().int(),
  trainedAt: at,
  target: z.enum(OUTCOME_TARGETS),
  status: z.enum(["ready", "insufficient"]),
  decided: z.number().int(),
  positives: z.number().int(),
  minimum: z.object({ decided: z.number().int(), positives: z.number().int() }),
  since: at.nullable(),
  auc: z.number().nullable().describe("Mean held-out AUC over 5 folds."),
  foldAucs: z.array(z.number()),
  calibration: z.array(
    z.object({ bin: z.number().int(), predicted: share, observed: share, count: z.number().int() }),
  ),
  coefficients: z.array(coefficientSchema),
  suggestions: z.object({
    rules: z.array(ruleSuggestionSchema),
    newRules: z.array(newRuleSuggestionSchema),
  }),
  brier: z.number().nullable().optional(),
  pointsPerLogOdds: z.number().nullable().optional(),
  trainingMs: z.number().optional(),
  lambda: z.number().nullable().optional().describe("L2 penalty chosen by cross-validation."),
  attributes: z
    .array(
      z.object({ field: z.string(), label: z.string(), kind: z.enum(["text", "number", "date"]) }),
    )
    .optional()
    .describe("The attributes the model learnt from, as they were at each handoff."),
  dropped: z
    .array(
      z.object({
        field: z.string(),
        label: z.string(),
        reason: z.enum(["constant", "near_constant", "too_many_values"]),
      }),
    )
    .optional()
    .describe("Attributes left out as uninformative, with why."),
  flagged: z
    .array(
      z.object({
        field: z.string(),
        label: z.string(),
        reasons: z.array(leakReasonSchema),
        included: z.boolean(),
      }),
    )
    .optional()
    .describe("The leakage guard's findings; left out unless included by a manager."),
  tooGood: z.boolean().optional().describe("Held-out AUC ≥ 0.95: likely leakage."),
  candidates: z
    .object({ tested: z.number().int(), discoveries: z.number().int(), naive: z.number().int() })
    .optional()
    .describe(
      "Suggestion candidates tested, kept at a 5 % false-discovery rate, and kept by |z| ≥ 2.",
    ),
});

export const leadPredictionSchema = z.object({
  probability: share,
  modelId: z.number().int(),
  computedAt: at,
  factors: z.array(
    z.object({
      feature: z.string(),
      label: z.string(),
      contribution: z.number().describe("Log-odds, compared with the average handoff."),
    }),
  ),
});

export const thresholdResponseSchema = z.object({ data: thresholdRecommendationSchema });
export const predictiveResponseSchema = z.object({ data: predictiveSummarySchema.nullable() });
export const trainResponseSchema = z.object({ data: predictiveSummarySchema });
export const recalibrationDraftResponseSchema = z.object({
  data: z.object({ draft: scoringModelSchema, changed: z.array(z.string()) }),
});
