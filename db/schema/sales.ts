/**
 * The sales side of the agreement: SLA policies and the clocks they start, touches, the agreed
 * reason lists, decisions, and in-app notifications (breaches for managers).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  DECISION_KINDS,
  REASON_KINDS,
  TOUCH_CHANNELS,
  type Bant,
  type TouchOutcome,
} from "@/lib/shared/vocabulary";
import { leads } from "./leads";
import { teams, users } from "./users";

export const touchChannelEnum = pgEnum("touch_channel", TOUCH_CHANNELS);
export const decisionKindEnum = pgEnum("decision_kind", DECISION_KINDS);
export const reasonKindEnum = pgEnum("reason_kind", REASON_KINDS);

/**
 * Ordered tiers: a lead gets the first tier whose condition it meets (fit grade at least
 * `min_fit_grade`, or total at least `min_score`; a tier with neither condition matches every lead).
 */
export const slaPolicies = pgTable("sla_policies", {
  id: serial("id").primaryKey(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  /** "A" … "D": the fit grade letter or better. */
  minFitGrade: text("min_fit_grade"),
  minScore: doublePrecision("min_score"),
  firstTouchMinutes: integer("first_touch_minutes").notNull(),
  /** K touch attempts within D business days before "no response" may be given. */
  minTouches: integer("min_touches").notNull(),
  touchWindowDays: integer("touch_window_days").notNull(),
  reassignOnBreach: boolean("reassign_on_breach").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One per assignment episode of a lead to a rep: the deadlines computed in the rep's business hours
 * when the lead was assigned, and what happened. The policy's terms are copied, so editing the
 * policies later does not move a running clock.
 */
export const slaClocks = pgTable(
  "sla_clocks",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    policyId: integer("policy_id").references(() => slaPolicies.id, { onDelete: "set null" }),
    policyName: text("policy_name").notNull(),
    minTouches: integer("min_touches").notNull(),
    reassignOnBreach: boolean("reassign_on_breach").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    firstTouchDue: timestamp("first_touch_due", { withTimezone: true }).notNull(),
    touchesDueBy: timestamp("touches_due_by", { withTimezone: true }).notNull(),
    firstTouchAt: timestamp("first_touch_at", { withTimezone: true }),
    breachedFirstTouchAt: timestamp("breached_first_touch_at", { withTimezone: true }),
    breachedTouchesAt: timestamp("breached_touches_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** "accept", "reject", "disqualify", "reassigned", … */
    closeReason: text("close_reason"),
  },
  (t) => [
    uniqueIndex("sla_clocks_one_open_idx")
      .on(t.leadId)
      .where(sql`${t.closedAt} is null`),
    index("sla_clocks_lead_idx").on(t.leadId, t.startedAt),
    index("sla_clocks_open_due_idx")
      .on(t.firstTouchDue)
      .where(sql`${t.closedAt} is null`),
    index("sla_clocks_user_idx").on(t.userId, t.startedAt),
  ],
);

export const touches = pgTable(
  "touches",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    channel: touchChannelEnum("channel").notNull(),
    outcome: text("outcome").$type<TouchOutcome>().notNull(),
    note: text("note"),
  },
  (t) => [index("touches_lead_at_idx").on(t.leadId, t.at)],
);

/** The agreed reject and disqualify lists; a reason once used is archived, never deleted. */
export const reasons = pgTable(
  "reasons",
  {
    id: serial("id").primaryKey(),
    kind: reasonKindEnum("kind").notNull(),
    code: text("code").notNull(),
    labelEn: text("label_en").notNull(),
    labelFr: text("label_fr").notNull(),
    position: integer("position").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reasons_kind_code_idx").on(t.kind, t.code)],
);

/** Every decision on a lead, with the score and the model version at that moment. */
export const decisions = pgTable(
  "decisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: decisionKindEnum("kind").notNull(),
    reasonCode: text("reason_code"),
    note: text("note"),
    bant: jsonb("bant").$type<Bant>(),
    scoreTotal: doublePrecision("score_total"),
    scoreFit: doublePrecision("score_fit"),
    scoreEngagement: doublePrecision("score_engagement"),
    modelVersion: integer("model_version"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("decisions_lead_at_idx").on(t.leadId, t.at),
    index("decisions_kind_at_idx").on(t.kind, t.at),
  ],
);

/** In-app notifications (SLA breaches for managers). */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "sla_breach_first_touch", "sla_breach_touches". */
    kind: text("kind").notNull(),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_created_idx").on(t.userId, t.createdAt)],
);

export type SlaPolicy = typeof slaPolicies.$inferSelect;
export type SlaClock = typeof slaClocks.$inferSelect;
export type Touch = typeof touches.$inferSelect;
export type Reason = typeof reasons.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
