/**
 * What reports and the recalibration assistant learn from, besides the transitions themselves:
 * - report settings (the funnel's target rate, which outcome counts, how long an open MQL may wait
 *   before it counts as lost);
 * - a snapshot per handoff of what the rules saw at that moment (hits per rule as of the handoff,
 *   under one model version), so rule lift and the predictive score never peek past the handoff.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { leadTransitions } from "./lifecycle";
import { users } from "./users";

export const reportSettings = pgTable(
  "report_settings",
  {
    id: smallint("id").primaryKey().default(1),
    /** The conversion the funnel's target line draws, as a share (0.30 = 30 %). */
    targetRate: doublePrecision("target_rate").notNull().default(0.3),
    /** The stage the target rate is measured to (seed 000: MQL → opportunity). */
    targetStage: text("target_stage").$type<OutcomeTarget>().notNull().default("opportunity"),
    /** An MQL still open this many days after its handoff counts as not converted. */
    outcomeWindowDays: integer("outcome_window_days").notNull().default(90),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("report_settings_singleton", sql`${t.id} = 1`)],
);

/** One per handoff (an MQL transition) whose rule hits were computed, and under which model. */
export const mqlSnapshots = pgTable(
  "mql_snapshots",
  {
    transitionId: bigint("transition_id", { mode: "number" })
      .primaryKey()
      .references(() => leadTransitions.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id").notNull(),
    modelVersion: integer("model_version").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("mql_snapshots_lead_idx").on(t.leadId)],
);

/** How many times each rule matched a lead as of its handoff (attribute rules: 1 when they matched). */
export const mqlRuleHits = pgTable(
  "mql_rule_hits",
  {
    transitionId: bigint("transition_id", { mode: "number" })
      .notNull()
      .references(() => mqlSnapshots.transitionId, { onDelete: "cascade" }),
    ruleId: text("rule_id").notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.transitionId, t.ruleId] }),
    index("mql_rule_hits_rule_idx").on(t.ruleId),
  ],
);

export type ReportSettings = typeof reportSettings.$inferSelect;
