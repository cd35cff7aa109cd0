/**
 * Contracts of the reports (funnel, calibration, rule lift, SLA, reasons and their settings), the
 * recalibration assistant (threshold recommendation, suggestions written to the draft) and the
 * predictive score. The report shapes mirror lib/domain/reports/types.ts.
 */
import { z } from "zod";
import {
  draftChangesSchema,
  includedAttributesSchema,
  thresholdQuerySchema,
} from "@/lib/domain/predict/schemas";
import { MINIMUM } from "@/lib/domain/predict/train";
import {
  funnelQuerySchema,
  reasonsQuerySchema,
  reportQuerySchema,
  calibrationQuerySchema,
  targetQuerySchema,
} from "@/lib/domain/reports/query-schema";
import { reportSettingsSchema } from "@/lib/domain/reports/settings";
import { SPLITS } from "@/lib/domain/reports/types";
import { OUTCOME_TARGETS } from "@/lib/shared/vocabulary";
import { defineContract } from "../contract";
import { data } from "./common";
import {
  predictiveResponseSchema,
  recalibrationDraftResponseSchema,
  thresholdResponseSchema,
  trainResponseSchema,
} from "./predict-responses";

const at = z.iso.datetime();
const day = z.iso.date();
const count = z.number().int().min(0);
/** A rate or a share: 0.3 is 30 %. */
const share = z.number().min(0).max(1);
const grain = z.enum(["week", "month"]);
const target = z.enum(OUTCOME_TARGETS);
const outcomesSince = at
  .nullable()
  .describe(
    "First recorded transition into the target's stages (null when none yet): earlier handoffs are left out or may under-count.",
  );

const readers = { permission: "reports:read", scope: "reports:read" } as const;

const periodNote =
  "`from` and `to` are days (YYYY-MM-DD, UTC), both included; `team`, `rep` and `source` narrow the handoffs.";

/** A report answers `{ data }` as JSON, or with `format=csv` a CSV attachment; always with Server-Timing. */
function reportResponses<S extends z.ZodType>(name: string, schema: S) {
  return {
    200: {
      description: "The report",
      schema: data(schema),
      alternative: {
        contentType: "text/csv",
        description: `With format=csv: the report as CSV (RFC 4180), an attachment named accord-${name}.csv.`,
      },
      headers: { "Server-Timing": "report;dur=<ms>: how long the report took to compute." },
    },
  } as const;
}

// --- Report shapes (lib/domain/reports/types.ts) ---------------------------------------------

const stageCounts = {
  mqls: count.describe("Handoffs (MQLs)."),
  accepted: count.describe("Of which accepted by sales (SAL or beyond)."),
  qualified: count,
  opportunity: count,
  won: count,
};

export const funnelReportSchema = z
  .object({
    grain,
    split: z.enum(SPLITS),
    cohorts: z
      .array(z.object({ cohort: day.describe("First day of the week or month."), ...stageCounts }))
      .describe("One per cohort (week or month of the handoff), oldest first, with no gaps."),
    groups: z
      .array(
        z.object({
          key: z.string().describe("An id or value; empty for none."),
          label: z.string(),
          ...stageCounts,
        }),
      )
      .describe("One per value of the split (empty when split is none), largest first."),
    totals: z.object(stageCounts),
    target: z.object({ rate: share, stage: target }),
    outcomesSince,
  })
  .meta({ id: "FunnelReport" });

const intervalSchema = z
  .object({ low: z.number().min(0), high: z.number().min(0) })
  .describe("Wilson 95 % interval.");

const calibrationRowSchema = z.object({
  key: z.string().describe("The band's name, or the decile (1–10)."),
  label: z.string(),
  minScore: z.number().nullable(),
  maxScore: z.number().nullable(),
  handoffs: count,
  decided: count,
  converted: count,
  rate: share.nullable().describe("Converted / decided; null when nothing is decided."),
  interval: intervalSchema.nullable(),
});

export const calibrationReportSchema = z
  .object({
    target,
    model: z
      .enum(["live", "draft"])
      .describe("The model judged: each past handoff scored under it as of the handoff."),
    version: z.number().int().nullable().describe("The live version judged; null for the draft."),
    unrecorded: count.describe(
      "Handoffs without a record of the lead's attributes then, read as the lead is now.",
    ),
    bands: z.array(calibrationRowSchema),
    deciles: z.array(calibrationRowSchema).describe("Deciles of the decided handoffs' scores."),
    monotonic: z
      .boolean()
      .describe(
        "No band (with ≥ 1 decided) converts worse than the one below it beyond the 95 % intervals.",
      ),
    inversions: z
      .array(z.object({ lower: z.string(), higher: z.string() }))
      .describe(
        "Adjacent bands where the higher converts worse than the lower, their Wilson intervals apart.",
      ),
    dips: z
      .array(z.object({ lower: z.string(), higher: z.string() }))
      .describe(
        "Adjacent bands where the higher converts worse but within the intervals: too few decided leads to call it.",
      ),
    outcomesSince,
  })
  .meta({ id: "CalibrationReport" });

export const ruleLiftReportSchema = z
  .object({
    target,
    modelVersion: z.number().int().nullable().describe("The active model; null when none."),
    decided: count,
    converted: count,
    rules: z.array(
      z.object({
        ruleId: z.string(),
        label: z.string(),
        kind: z.enum(["attribute", "event"]),
        points: z.number(),
        fired: count.describe("Decided handoffs where the rule had fired at handoff time."),
        firedConverted: count,
        shareOfAccepted: share.nullable(),
        shareOfRejected: share.nullable(),
        lift: z.number().min(0).nullable().describe("P(converted | fired) / P(converted)."),
        interval: intervalSchema.nullable().describe("Wilson 95 % interval of the lift."),
      }),
    ),
    snapshotsPending: count.describe("Handoffs whose rule hits are not computed yet."),
  })
  .meta({ id: "RuleLiftReport" });

const slaRowSchema = z.object({
  key: z.string().describe("The rep's or team's id; empty for none (or overall)."),
  label: z.string(),
  clocks: count,
  met: count,
  breached: count,
  open: count,
  compliance: share.nullable().describe("Met / (met + breached); null when none is settled."),
  medianMinutes: z.number().nullable().describe("Time to first touch, wall-clock minutes."),
  p90Minutes: z.number().nullable(),
});

export const slaReportSchema = z
  .object({
    reps: z.array(slaRowSchema),
    teams: z.array(slaRowSchema),
    distribution: z
      .array(
        z.object({
          bucket: z.string().describe('"0-5", … "1440+".'),
          minMinutes: count,
          maxMinutes: count.nullable(),
          touches: count,
        }),
      )
      .describe("Time to first touch in buckets."),
    breachesByWeek: z.array(
      z.object({ week: day.describe("The Monday (UTC)."), firstTouch: count, touches: count }),
    ),
    overall: slaRowSchema,
  })
  .meta({ id: "SlaReport" });

export const reasonsReportSchema = z
  .object({
    grain,
    periods: z.array(day).describe("First day of each week or month, oldest first."),
    reasons: z.array(
      z.object({
        kind: z.enum(["reject", "disqualify"]),
        code: z.string().describe("Empty when the decision had no reason."),
        label: z.string().describe("In the requested locale."),
        counts: z.array(count).describe("One per period."),
        total: count,
        spike: z
          .object({ period: day, count, expected: z.number() })
          .nullable()
          .describe("The latest period well above the ones before it."),
      }),
    ),
  })
  .meta({ id: "ReasonsReport" });

export const reportSettingsViewSchema = z
  .object({
    targetRate: share.describe("The funnel's target conversion rate."),
    targetStage: target,
    outcomeWindowDays: z
      .number()
      .int()
      .describe("How long an open MQL may wait before it counts as lost."),
  })
  .meta({ id: "ReportSettings" });

// --- Reports ---------------------------------------------------------------------------------

export const getFunnelReport = defineContract({
  operationId: "getFunnelReport",
  method: "get",
  path: "/api/v1/reports/funnel",
  tag: "Reports",
  summary:
    "MQL → SAL → SQL → opportunity → won by weekly or monthly handoff cohort, split by source, band, grade, rep or team",
  description: periodNote,
  access: readers,
  query: funnelQuerySchema,
  responses: reportResponses("funnel", funnelReportSchema),
});

export const getCalibrationReport = defineContract({
  operationId: "getCalibrationReport",
  method: "get",
  path: "/api/v1/reports/calibration",
  tag: "Reports",
  summary:
    "Conversion to a target per score band and decile of decided handoffs, scored under the judged model, with Wilson 95 % intervals and band inversions",
  description: `Each past handoff is scored as the judged model (the live one unless \`model=draft\`) would have scored it then: events up to the handoff, attributes as recorded at it. The target defaults to the report settings' stage. ${periodNote}`,
  access: readers,
  query: calibrationQuerySchema,
  responses: reportResponses("calibration", calibrationReportSchema),
});

export const getRuleLiftReport = defineContract({
  operationId: "getRuleLiftReport",
  method: "get",
  path: "/api/v1/reports/rules",
  tag: "Reports",
  summary:
    "Lift of each rule of the active model among decided handoffs (rule hits as of the handoff)",
  description: `The target defaults to the report settings' stage. ${periodNote}`,
  access: readers,
  query: targetQuerySchema,
  responses: reportResponses("rules", ruleLiftReportSchema),
});

export const getSlaReport = defineContract({
  operationId: "getSlaReport",
  method: "get",
  path: "/api/v1/reports/sla",
  tag: "Reports",
  summary:
    "SLA compliance and time to first touch per rep, team and overall; distribution and breaches per week",
  description:
    "Counts the SLA clocks started in the period (`from` and `to` are days, YYYY-MM-DD, UTC, both included), optionally of one team or rep.",
  access: readers,
  query: reportQuerySchema,
  responses: reportResponses("sla", slaReportSchema),
});

export const getReasonsReport = defineContract({
  operationId: "getReasonsReport",
  method: "get",
  path: "/api/v1/reports/reasons",
  tag: "Reports",
  summary: "Reject and disqualify reasons per week or month, zero-filled, with spikes",
  description: `Decisions are counted in the period of the decision, labelled in \`locale\`. ${periodNote}`,
  access: readers,
  query: reasonsQuerySchema,
  responses: reportResponses("reasons", reasonsReportSchema),
});

export const getReportSettings = defineContract({
  operationId: "getReportSettings",
  method: "get",
  path: "/api/v1/reports/settings",
  tag: "Reports",
  summary: "The funnel's target rate and stage and the outcome window",
  access: readers,
  responses: { 200: { description: "The settings", schema: data(reportSettingsViewSchema) } },
});

export const updateReportSettings = defineContract({
  operationId: "updateReportSettings",
  method: "put",
  path: "/api/v1/reports/settings",
  tag: "Reports",
  summary: "Replace the report settings",
  access: { permission: "reports:write", session: true },
  body: reportSettingsSchema,
  responses: { 200: { description: "The saved settings", schema: data(reportSettingsViewSchema) } },
});

// --- Recalibration and the predictive score --------------------------------------------------

export const getThresholdRecommendation = defineContract({
  operationId: "getThresholdRecommendation",
  method: "get",
  path: "/api/v1/recalibration/threshold",
  tag: "Reports",
  summary:
    "Recommended MQL threshold for a target conversion rate and the reps' weekly capacity, backtested on past handoffs",
  description:
    "The backtest covers the `weeks` up to the latest handoff. The target and rate default to the report settings' stage and target rate, the capacity to the sum of the active reps' capacities.",
  access: readers,
  query: thresholdQuerySchema,
  responses: {
    200: {
      description:
        "The recommendation, the current threshold's figures and the curve of every candidate",
      schema: thresholdResponseSchema,
    },
  },
});

export const applyRecalibrationToDraft = defineContract({
  operationId: "applyRecalibrationToDraft",
  method: "post",
  path: "/api/v1/recalibration/draft",
  tag: "Reports",
  summary:
    "Write picked suggestions (threshold, rule points, new attribute rules) into the draft model; never publishes",
  description:
    "Applies to the draft, or to a copy of the active model when there is none. 404 when there is no model at all or a rule id is unknown; 409 when a new rule's id is already taken; 422 (with JSON paths) when the resulting model is invalid. The note goes to the audit log.",
  access: { permission: "recalibration:draft", scope: "model:write" },
  body: draftChangesSchema,
  errors: ["not_found", "conflict", "unprocessable"],
  responses: {
    200: {
      description: "The draft and the list of changes made",
      schema: recalibrationDraftResponseSchema,
    },
  },
});

export const getPredictiveSummary = defineContract({
  operationId: "getPredictiveSummary",
  method: "get",
  path: "/api/v1/predictive",
  tag: "Reports",
  summary:
    "The latest training run of the predictive score: AUC per fold, calibration, coefficients, rule suggestions",
  access: readers,
  responses: {
    200: {
      description: "The latest run, or null before the first",
      schema: predictiveResponseSchema,
    },
  },
});

export const trainPredictiveModel = defineContract({
  operationId: "trainPredictiveModel",
  method: "post",
  path: "/api/v1/predictive/train",
  tag: "Reports",
  summary:
    "Train the predictive score on decided handoffs now, then rescore open leads (a background job)",
  description: `Training runs as a job in a worker. With \`Prefer: wait=N\` (seconds, at most 120) the answer waits for it: 200 with the new run when it finished in time, else 202 with the job to follow (GET /api/v1/jobs/{id}). Below ${MINIMUM.decided} decided or ${MINIMUM.positives} converted handoffs the run is stored with status "insufficient" and no lead is rescored.`,
  access: { permission: "reports:write", scope: "model:write" },
  errors: ["unprocessable"],
  responses: {
    200: {
      description: "The new run (it finished within the wait asked for)",
      schema: trainResponseSchema,
    },
    202: {
      description: "Training is queued or running: follow the job",
      schema: z.object({ data: z.object({ jobId: z.guid() }) }),
    },
  },
});

export const analyseRuleHits = defineContract({
  operationId: "analyseRuleHits",
  method: "post",
  path: "/api/v1/reports/rules/analysis",
  tag: "Reports",
  summary: "Analyse the past handoffs the rules report has not yet seen under the live model",
  description:
    "Records which rules each past handoff had hit under the live model, as a background job (the rules report's `snapshotsPending` counts what is left). Answers the job to follow (GET /api/v1/jobs/{id}); asking again while one waits or runs answers that one.",
  access: readers,
  bodyOptional: true,
  responses: {
    202: {
      description: "The analysis job, queued or running",
      schema: z.object({ data: z.object({ jobId: z.guid() }) }),
    },
  },
});

export const updatePredictiveSettings = defineContract({
  operationId: "updatePredictiveSettings",
  method: "put",
  path: "/api/v1/predictive/settings",
  tag: "Reports",
  summary:
    "Choose which attributes flagged by the leakage guard the predictive score includes anyway",
  description:
    "Flagged attributes (set after the handoff, or separating the outcome almost perfectly) are left out by default. Listing one here includes it at the next training, knowingly; suggestions resting on it are never pre-ticked.",
  access: { permission: "reports:write", session: true },
  body: includedAttributesSchema,
  responses: {
    200: { description: "The saved list", schema: data(includedAttributesSchema) },
  },
});

export const REPORTS_CONTRACTS = [
  analyseRuleHits,
  getFunnelReport,
  getCalibrationReport,
  getRuleLiftReport,
  getSlaReport,
  getReasonsReport,
  getReportSettings,
  updateReportSettings,
  getThresholdRecommendation,
  applyRecalibrationToDraft,
  getPredictiveSummary,
  trainPredictiveModel,
  updatePredictiveSettings,
];
