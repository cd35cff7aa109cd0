/**
 * The embedded database is one process: jobs run inside it, with the `jobs` table as their
 * queue — the same states, retries, singletons and progress as on PostgreSQL. A row left
 * "running" when the process died is queued again at the next start; schedules fire from timers.
 */
import { sql } from "drizzle-orm";
import cronParser from "cron-parser";
import { queryRows, type Db } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import type { AnyJobDefinition } from "../definition";
import { executeJob } from "../execute";
import type { JobDriver, WorkerRoles } from "./driver";
import { errorFields, log } from "@/lib/infra/log";

export class InProcessDriver implements JobDriver {
  readonly kind = "in-process";
  /** Each running job, with the pool it counts against. */
  private readonly running = new Map<Promise<void>, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controller = new AbortController();
  private polling: NodeJS.Timeout | null = null;
  private working = false;
  private ticking = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly definitions: readonly AnyJobDefinition[],
    private readonly onSchedule: (definition: AnyJobDefinition) => Promise<unknown>,
    private readonly options: { concurrency?: number; pollMs?: number } = {},
  ) {}

  async start(roles: WorkerRoles): Promise<void> {
    // Only this process opens the embedded database: whatever was running was cut off by a stop.
    await this.db.execute(
      sql`update jobs set state = 'queued', worker = null where state = 'running'`,
    );
    if (roles.schedule)
      for (const definition of this.definitions) if (definition.schedule) this.plan(definition);
    if (roles.work) {
      this.working = true;
      this.polling = setInterval(() => void this.tick(), this.options.pollMs ?? 500);
      this.polling.unref();
      void this.tick();
    }
  }

  private plan(definition: AnyJobDefinition) {
    if (this.stopped) return;
    const next = cronParser.parseExpression(definition.schedule!, { tz: "UTC" }).next().getTime();
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.onSchedule(definition).catch((error) =>
          log.error("jobs.schedule_failed", { job: definition.name, ...errorFields(error) }),
        );
        this.plan(definition);
      },
      Math.max(next - Date.now(), 1000),
    );
    timer.unref();
    this.timers.add(timer);
  }

  async send(): Promise<void> {
    // The row is in the caller's transaction: a tick now may not see it yet; the next poll will.
    setImmediate(() => void this.tick());
  }

  async cancel(): Promise<void> {
    // The row is marked cancelled by the caller; a running job sees it at its next progress report.
  }

  /** Jobs that declare a concurrency have a pool of their own; the others share the default one. */
  private poolOf(name: string): string {
    return this.definitions.find((d) => d.name === name)?.concurrency ? name : "";
  }

  /** Job names whose pool is full, so the next claim skips them. */
  private fullPools(): string[] {
    const used = new Map<string, number>();
    for (const pool of this.running.values()) used.set(pool, (used.get(pool) ?? 0) + 1);
    return this.definitions
      .filter((d) => {
        const pool = this.poolOf(d.name);
        const size = d.concurrency ?? this.options.concurrency ?? 2;
        return (used.get(pool) ?? 0) >= size;
      })
      .map((d) => d.name);
  }

  /** Claims due jobs while their pools have room and runs them; a singleton waits for its running twin. */
  private async tick(): Promise<void> {
    if (!this.working || this.stopped || this.ticking) return;
    this.ticking = true;
    try {
      for (;;) {
        const full = this.fullPools();
        if (full.length === this.definitions.length) break;
        const claimed = await this.claim(full);
        if (!claimed) break;
        const definition = this.definitions.find((d) => d.name === claimed.name);
        if (!definition) {
          await this.db.execute(
            sql`update jobs set state = 'failed', error = 'Unknown job', finished_at = now() where id = ${claimed.id}`,
          );
          continue;
        }
        const run = executeJob(
          this.db,
          definition,
          claimed.id,
          "in-process",
          this.controller.signal,
        )
          .then(() => undefined)
          .catch((error) =>
            log.error("jobs.crashed", { job: definition.name, ...errorFields(error) }),
          )
          .finally(() => {
            this.running.delete(run);
            void this.tick();
          });
        this.running.set(run, this.poolOf(definition.name));
      }
    } catch (error) {
      if (!this.stopped) log.error("jobs.runner_failed", errorFields(error));
    } finally {
      this.ticking = false;
    }
  }

  private async claim(skip: string[] = []): Promise<{ id: string; name: string } | null> {
    const [row] = await queryRows<{ id: string; name: string }>(
      this.db,
      sql`update jobs set state = 'running', worker = 'in-process'
          where id = (
            select j.id from jobs j
            where j.state = 'queued' and j.run_at <= now()
              ${skip.length ? sql`and j.name <> all(${arrayParam(skip, "text")})` : sql``}
              and (j.singleton_key is null or not exists (
                select 1 from jobs r where r.state = 'running' and r.singleton_key = j.singleton_key))
            order by j.run_at, j.created_at
            limit 1
            for update skip locked)
          returning id, name`,
    );
    return row ?? null;
  }

  /** Runs every due job to the end (tests, and the CLI on the embedded database). */
  async drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      const claimed = await this.claim();
      if (!claimed) return ran;
      const definition = this.definitions.find((d) => d.name === claimed.name);
      if (definition) await executeJob(this.db, definition, claimed.id, "in-process");
      ran++;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.working = false;
    if (this.polling) clearInterval(this.polling);
    for (const timer of this.timers) clearTimeout(timer);
    this.controller.abort(new Error("stopping"));
    await Promise.allSettled([...this.running.keys()]);
  }
}
