import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ScoringModelInput } from "@/lib/domain/scoring/model";
import { users } from "./users";

/**
 * A stored model document: valid when written, but possibly missing fields the model has gained
 * defaults for since — so readers parse it with scoringModelSchema rather than trust it as-is.
 */
type StoredModel = ScoringModelInput;

export const MODEL_VERSION_STATES = ["publishing", "live", "failed"] as const;
export type ModelVersionState = (typeof MODEL_VERSION_STATES)[number];

/**
 * Published scoring models, immutable once live. A version is `publishing` while its scores are
 * built beside the live ones (lib/domain/scoring/publish.ts), then `live` — or `failed`, with the
 * error, when its publish gave up. The active model is the highest `live` version.
 */
export const modelVersions = pgTable(
  "model_versions",
  {
    version: integer("version").primaryKey(),
    state: text("state").$type<ModelVersionState>().notNull().default("live"),
    /** Why the publish failed (state `failed`). */
    error: text("error"),
    /** The job building it (none when published in-process, by the CLI or a seed). */
    jobId: uuid("job_id"),
    document: jsonb("document").$type<StoredModel>().notNull(),
    note: text("note").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Who published, as shown in the history (a user's name or an API key's). */
    authorLabel: text("author_label").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    leadsRescored: integer("leads_rescored").notNull().default(0),
    durationMs: integer("duration_ms").notNull().default(0),
  },
  (t) => [
    check("model_versions_state", sql`${t.state} in ('publishing', 'live', 'failed')`),
    // One publish at a time, whatever the number of servers and workers.
    uniqueIndex("model_versions_one_publishing")
      .on(t.state)
      .where(sql`${t.state} = 'publishing'`),
  ],
);

/** The one draft marketers edit; publishing copies it into a new version. */
export const modelDraft = pgTable(
  "model_draft",
  {
    id: smallint("id").primaryKey().default(1),
    document: jsonb("document").$type<StoredModel>().notNull(),
    baseVersion: integer("base_version"),
    /** Bumped by every save: a save based on an older revision is refused (409), never lost silently. */
    revision: integer("revision").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByLabel: text("updated_by_label").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("model_draft_singleton", sql`${t.id} = 1`)],
);

/**
 * Each lead's current score under the active model, as of `as_of`. Derived data, written only
 * from the leads table (scoring compiles from it), so it has no foreign key: its check on every
 * score written cost a third of the score's insert (measured on an import), and its cascade never
 * ran — a lead is never deleted (erasing one keeps a tombstone and deletes its scores, explicitly).
 */
export const leadScores = pgTable(
  "lead_scores",
  {
    leadId: uuid("lead_id").primaryKey(),
    modelVersion: integer("model_version").notNull(),
    total: doublePrecision("total").notNull(),
    fit: doublePrecision("fit").notNull(),
    engagement: doublePrecision("engagement").notNull(),
    fitGrade: text("fit_grade").notNull(),
    engagementGrade: smallint("engagement_grade").notNull(),
    band: text("band").notNull(),
    asOf: timestamp("as_of", { withTimezone: true }).notNull(),
    /** The total written to score_history last; a new history row is written when it moves by a point. */
    recordedTotal: doublePrecision("recorded_total").notNull(),
    /**
     * What each of the version's active rules earned at `as_of`, in the model's order: the inbox
     * and `lead.mql` take the receipt's top lines from it (top-lines.ts). Null for a score written
     * before it was stored, until the lead is next scored.
     */
    earned: doublePrecision("earned").array(),
  },
  // The lead list sorted by score walks this index (list-leads.ts).
  (t) => [index("lead_scores_total_idx").on(t.total.desc(), t.leadId)],
);

/**
 * Score snapshots over time: a lead's first score and every later move of a point or more (the
 * model version that produced it is on the row). Append-only and written 100,000 rows at a time on
 * publish, so it has no foreign key (its check per row cost more than the insert itself, measured);
 * erasing a lead deletes its history explicitly.
 */
export const scoreHistory = pgTable(
  "score_history",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    leadId: uuid("lead_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    modelVersion: integer("model_version").notNull(),
    total: doublePrecision("total").notNull(),
    fit: doublePrecision("fit").notNull(),
    engagement: doublePrecision("engagement").notNull(),
    /** "publish", "ingest", "refresh" or "lead". */
    cause: text("cause").notNull(),
  },
  (t) => [index("score_history_lead_at_idx").on(t.leadId, t.at)],
);
