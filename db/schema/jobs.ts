import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const JOB_STATES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * Every background job's visible state: what it is, where it stands (progress done / total), how
 * it ended. On PostgreSQL pg-boss queues and schedules the work and this table mirrors it for
 * people; on the embedded database the in-process runner uses this table as its queue.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    state: text("state").$type<JobState>().notNull().default("queued"),
    /** Jobs with the same key never run at the same time (the publish of a model, the SLA sweep). */
    singletonKey: text("singleton_key"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(1),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    progressDone: bigint("progress_done", { mode: "number" }),
    progressTotal: bigint("progress_total", { mode: "number" }),
    /** What the job is doing now, in a word a person can read ("rescoring", "swapping"). */
    phase: text("phase"),
    error: text("error"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    /** Who asked for it: a person, an API key, or the scheduler. */
    requestedBy: text("requested_by"),
    worker: text("worker"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_due_idx")
      .on(t.runAt)
      .where(sql`${t.state} = 'queued'`),
    index("jobs_name_created_idx").on(t.name, t.createdAt),
    // Whether a job with this key is already waiting or running: asked on every claim and poll.
    index("jobs_active_key_idx")
      .on(t.singletonKey)
      .where(sql`${t.state} in ('queued', 'running')`),
  ],
);

export type Job = typeof jobs.$inferSelect;
