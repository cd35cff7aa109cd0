/**
 * Putting work on the queue and reading where it stands. `enqueue` writes the job's row and hands
 * it to the process's driver — inside the caller's transaction when it passes one, so the job
 * exists exactly when the change that asked for it does.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDbHandle, type Db, type Queryable } from "@/db/client";
import { jobs, type Job, type JobState } from "@/db/schema";
import { singletonKeyOf, type JobDefinition } from "./definition";
import type { JobDriver, WorkerRoles } from "./drivers/driver";
import { InProcessDriver } from "./drivers/in-process";
import { PgBossDriver } from "./drivers/pg-boss";
import { JobPoller } from "./poller";
import { JOBS } from "./registry";

export type EnqueueOptions = {
  runAt?: Date;
  requestedBy?: string;
  /** The process's driver unless given (tests run two workers side by side). */
  driver?: JobDriver;
};

declare global {
  var accordJobDriver: Promise<JobDriver> | undefined;
  var accordJobPoller: JobPoller | undefined;
}

/** This process's driver: pg-boss on PostgreSQL, the in-process runner on the embedded database. */
export function jobDriver(): Promise<JobDriver> {
  globalThis.accordJobDriver ??= (async () => {
    const handle = await getDbHandle();
    return handle.kind === "postgres" && handle.url
      ? new PgBossDriver(handle.db, handle.url, JOBS)
      : new InProcessDriver(handle.db, JOBS, (definition) =>
          enqueueUnlessWaiting(handle.db, definition, {}, { requestedBy: "schedule" }),
        );
  })();
  return globalThis.accordJobDriver;
}

/** Starts this process's driver; a working process also polls for table-fed jobs (poller.ts). */
export async function startJobs(roles: WorkerRoles): Promise<JobDriver> {
  const driver = await jobDriver();
  await driver.start(roles);
  if (roles.work && !globalThis.accordJobPoller) {
    globalThis.accordJobPoller = new JobPoller((await getDbHandle()).db, JOBS, driver);
    globalThis.accordJobPoller.start();
  }
  return driver;
}

export async function stopJobs(): Promise<void> {
  globalThis.accordJobPoller?.stop();
  globalThis.accordJobPoller = undefined;
  const pending = globalThis.accordJobDriver;
  globalThis.accordJobDriver = undefined;
  await (await pending)?.stop();
}

export async function enqueue<P>(
  q: Queryable,
  definition: JobDefinition<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = definition.payload.parse(payload);
  const id = randomUUID();
  const singletonKey = singletonKeyOf(definition, parsed);
  const runAt = options.runAt ?? new Date();
  await q.insert(jobs).values({
    id,
    name: definition.name,
    payload: parsed as Record<string, unknown>,
    singletonKey,
    maxAttempts: definition.retry?.attempts ?? 1,
    runAt,
    requestedBy: options.requestedBy ?? null,
  });
  await (options.driver ?? (await jobDriver())).send(q, definition, { id, singletonKey, runAt });
  return id;
}

/** Like enqueue, unless the same job (same singleton key) is already waiting to run: recurring work never piles up. */
export function enqueueUnlessWaiting<P>(
  q: Queryable,
  definition: JobDefinition<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<string> {
  return enqueueUnless(["queued"], q, definition, payload, options);
}

/**
 * Like enqueue, unless the same job is already waiting or running: for work that catches up with
 * whatever is left when it runs (a second one would find nothing to do).
 */
export function enqueueUnlessActive<P>(
  q: Queryable,
  definition: JobDefinition<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<string> {
  return enqueueUnless(["queued", "running"], q, definition, payload, options);
}

async function enqueueUnless<P>(
  states: JobState[],
  q: Queryable,
  definition: JobDefinition<P>,
  payload: P,
  options: EnqueueOptions,
): Promise<string> {
  const key = singletonKeyOf(definition, definition.payload.parse(payload));
  const [existing] = await q
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.name, definition.name),
        inArray(jobs.state, states),
        key ? eq(jobs.singletonKey, key) : undefined,
      ),
    )
    .limit(1);
  return existing ? existing.id : enqueue(q, definition, payload, options);
}

export async function getJob(db: Db, id: string): Promise<Job | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row ?? null;
}

/** Marks a queued or running job cancelled; a running one stops at its next progress report. */
export async function cancelJob(db: Db, id: string): Promise<Job | null> {
  const [row] = await db
    .update(jobs)
    .set({ state: "cancelled", finishedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.state, ["queued", "running"])))
    .returning();
  if (!row) return getJob(db, id);
  const definition = JOBS.find((d) => d.name === row.name);
  if (definition) await (await jobDriver()).cancel(definition, id);
  return row;
}

/** The latest jobs, newest first, optionally of one kind or in one state. */
export async function listJobs(
  db: Db,
  filter: { name?: string; state?: JobState; limit: number },
): Promise<Job[]> {
  return db
    .select()
    .from(jobs)
    .where(
      and(
        filter.name ? eq(jobs.name, filter.name) : undefined,
        filter.state ? eq(jobs.state, filter.state) : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt))
    .limit(filter.limit);
}

const FINISHED: readonly JobState[] = ["done", "failed", "cancelled"];

/**
 * Waits for a job to finish, up to `ms` (for clients that asked to wait with `Prefer: wait=N`):
 * the job still runs in a worker; the request only watches its row.
 */
export async function waitForJob(db: Db, id: string, ms: number): Promise<Job | null> {
  const end = Date.now() + ms;
  for (;;) {
    const job = await getJob(db, id);
    if (!job || FINISHED.includes(job.state) || Date.now() >= end) return job;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(100, Math.max(end - Date.now(), 1))),
    );
  }
}
