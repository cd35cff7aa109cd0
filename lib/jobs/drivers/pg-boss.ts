/**
 * PostgreSQL: pg-boss queues, retries and schedules the jobs in the same database. Singleton jobs
 * use its "singleton" queue policy (a unique index allows one active job per key, whatever the
 * number of workers); schedules fire once per cluster (pg-boss's timekeeper); a job is sent inside
 * the caller's transaction, so it exists if and only if the change that asked for it committed.
 */
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Db, Queryable } from "@/db/client";
import type { AnyJobDefinition } from "../definition";
import { executeJob } from "../execute";
import { bossDb } from "../raw-sql";
import type { JobDriver, WorkerRoles } from "./driver";
import { errorFields, log } from "@/lib/infra/log";

const SCHEMA = "pgboss";

export class PgBossDriver implements JobDriver {
  readonly kind = "pg-boss";
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly worker = `${hostname()}:${process.pid}`;

  constructor(
    private readonly db: Db,
    private readonly url: string,
    private readonly definitions: readonly AnyJobDefinition[],
    private readonly options: { concurrency?: number; pollingSeconds?: number } = {},
  ) {}

  private ready(): Promise<PgBoss> {
    if (!this.starting) throw new Error("The job queue is not started.");
    return this.starting;
  }

  async start(roles: WorkerRoles): Promise<void> {
    this.starting ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.url,
        schema: SCHEMA,
        max: roles.work ? 4 : 2,
        application_name: roles.work ? "accord-worker" : "accord-web",
        supervise: roles.work,
        schedule: roles.schedule,
        migrate: true,
      });
      boss.on("error", (error: Error & { code?: string }) => {
        // A singleton queue refuses a second active job with a unique violation: that is the
        // policy working (the job waits for the first to finish), not a fault.
        if (error.code === "23505") return;
        log.error("jobs.queue_failed", errorFields(error));
      });
      await boss.start();
      for (const definition of this.definitions) {
        const queue = {
          name: definition.name,
          policy: definition.singleton ? ("singleton" as const) : ("standard" as const),
          retryLimit: Math.max((definition.retry?.attempts ?? 1) - 1, 0),
          retryDelay: definition.retry?.delaySeconds ?? 30,
          retryBackoff: true,
          expireInSeconds: definition.timeoutSeconds ?? 15 * 60,
        };
        await boss.createQueue(definition.name, queue);
        await boss.updateQueue(definition.name, queue);
      }
      this.boss = boss;
      return boss;
    })();
    const boss = await this.starting;
    if (roles.schedule) {
      for (const definition of this.definitions.filter((d) => d.schedule))
        await boss.schedule(definition.name, definition.schedule!, {}, { tz: "UTC" });
    }
    if (roles.work) {
      for (const definition of this.definitions) {
        const workers = definition.concurrency ?? this.options.concurrency ?? 2;
        for (let i = 0; i < workers; i++) {
          await boss.work(
            definition.name,
            { batchSize: 1, pollingIntervalSeconds: this.options.pollingSeconds ?? 0.5 },
            async ([job]) => this.run(definition, job),
          );
        }
      }
    }
  }

  private async run(definition: AnyJobDefinition, job: PgBoss.Job<unknown>) {
    // A scheduled job has no row yet: the schedule, not a person, asked for it.
    await this.db.execute(
      rawInsert(
        job.id,
        definition.name,
        (job.data as { payload?: unknown })?.payload ?? {},
        definition.retry?.attempts ?? 1,
      ),
    );
    const attempt = await executeJob(this.db, definition, job.id, this.worker);
    // pg-boss retries what throws, with the queue's delay and backoff; our row already says so.
    if (attempt.outcome === "retry" || attempt.outcome === "failed")
      throw new Error(attempt.error ?? "failed");
  }

  async send(
    q: Queryable,
    definition: AnyJobDefinition,
    job: { id: string; singletonKey: string | null; runAt: Date },
  ) {
    const boss = await this.ready();
    await boss.send(
      definition.name,
      {},
      {
        id: job.id,
        startAfter: job.runAt,
        ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}),
        db: bossDb(q),
      },
    );
  }

  async cancel(definition: AnyJobDefinition, id: string) {
    const boss = await this.ready();
    await boss.cancel(definition.name, id);
  }

  async stop() {
    if (!this.starting) return;
    const boss = await this.starting.catch(() => null);
    this.starting = null;
    await boss?.stop({ graceful: true, timeout: 20_000, wait: true });
  }
}

function rawInsert(id: string, name: string, payload: unknown, maxAttempts: number) {
  return sql`insert into jobs (id, name, payload, max_attempts, requested_by)
    values (${id}, ${name}, ${JSON.stringify(payload)}::jsonb, ${maxAttempts}, 'schedule')
    on conflict (id) do nothing`;
}
