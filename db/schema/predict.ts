/**
 * The predictive score: logistic regressions trained on past handoffs and their outcomes, and each
 * open lead's probability under the latest one, with its top factors.
 */
import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { PredictiveDetail } from "@/lib/domain/predict/summary";
import type { PredictionFactor } from "@/lib/domain/predict/types";
import { leads } from "./leads";

export const predictiveModels = pgTable("predictive_models", {
  id: serial("id").primaryKey(),
  trainedAt: timestamp("trained_at", { withTimezone: true }).notNull(),
  /** "accepted", "qualified", "opportunity" or "won". */
  target: text("target").notNull(),
  /** "ready", or "insufficient" when the sample is below the minimum (nothing is scored then). */
  status: text("status").notNull(),
  /** The scoring model version whose rules gave the per-rule features. */
  scoringVersion: integer("scoring_version"),
  /** Handoffs since this date only (outcomes before it were not recorded). */
  since: timestamp("since", { withTimezone: true }),
  decided: integer("decided").notNull(),
  positives: integer("positives").notNull(),
  /** Mean held-out AUC over the cross-validation folds, null when not trained. */
  auc: doublePrecision("auc"),
  /**
   * Everything else: per-fold AUCs, features with coefficients and scaling, calibration, suggestions.
   * The default stays SQL rather than `{}`: every insert writes a full detail, and `{}` is not one.
   */
  detail: jsonb("detail")
    .$type<PredictiveDetail>()
    .notNull()
    .default(sql`'{}'::jsonb`),
});

/** Attributes a manager chose to include although the leakage guard flagged them (retrain to apply). */
export const predictiveSettings = pgTable(
  "predictive_settings",
  {
    id: smallint("id").primaryKey().default(1),
    /** Field names as rules address them: "industry", "traits.lead_quality". */
    includedAttributes: text("included_attributes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("predictive_settings_singleton", sql`${t.id} = 1`)],
);

export const leadPredictions = pgTable(
  "lead_predictions",
  {
    leadId: uuid("lead_id")
      .primaryKey()
      .references(() => leads.id, { onDelete: "cascade" }),
    modelId: integer("model_id")
      .notNull()
      .references(() => predictiveModels.id, { onDelete: "cascade" }),
    probability: doublePrecision("probability").notNull(),
    /** The largest contributions, signed, in log-odds. */
    factors: jsonb("factors").$type<PredictionFactor[]>().notNull().default([]),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("lead_predictions_model_idx").on(t.modelId)],
);

export type PredictiveModel = typeof predictiveModels.$inferSelect;
export type LeadPrediction = typeof leadPredictions.$inferSelect;
