import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { lifecycleStageEnum } from "./enums";
import { leads } from "./leads";
import { teams, users } from "./users";

/**
 * Every change of a lead's lifecycle stage: who (system, user or API key), when, why, and the
 * score and model version at that moment. Reports are computed from this table.
 */
export const leadTransitions = pgTable(
  "lead_transitions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    fromStage: lifecycleStageEnum("from_stage"),
    toStage: lifecycleStageEnum("to_stage").notNull(),
    /** "system", "user" or "api_key". */
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    /** A stable code: "threshold_reached", "accepted", "rejected", "disqualified", "reopened", … */
    reason: text("reason").notNull(),
    note: text("note"),
    scoreTotal: doublePrecision("score_total"),
    scoreFit: doublePrecision("score_fit"),
    scoreEngagement: doublePrecision("score_engagement"),
    modelVersion: integer("model_version"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /**
     * On a handoff (to_stage mql): what the lead looked like at that moment — profile fields and
     * `traits.<key>` flattened, nulls left out — written by a trigger on insert (migration 0009),
     * so the predictive score learns attributes as they were at the handoff. Null on other stages.
     */
    attributes: jsonb("attributes").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("lead_transitions_lead_at_idx").on(t.leadId, t.at),
    index("lead_transitions_to_at_idx").on(t.toStage, t.at),
  ],
);

/** Every assignment of a lead to an owner (or to the unassigned queue: user null). */
export const assignments = pgTable(
  "assignments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    /** "territory_round_robin", "no_territory", "team_full", "manual", "sla_breach", … */
    reason: text("reason").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
  },
  (t) => [
    index("assignments_lead_at_idx").on(t.leadId, t.at),
    index("assignments_user_at_idx").on(t.userId, t.at),
  ],
);

/** Which team covers which country (ISO 3166-1 alpha-2). */
export const teamTerritories = pgTable("team_territories", {
  country: text("country").primaryKey(),
  teamId: uuid("team_id")
    .notNull()
    .references(() => teams.id, { onDelete: "cascade" }),
});

export type LeadTransition = typeof leadTransitions.$inferSelect;
