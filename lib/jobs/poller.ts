/**
 * Queues the jobs that declare `poll` (definition.ts): work that lives in a table — the webhook
 * outbox — rather than arriving with a request. Every `everyMs` a working process asks the job
 * which payloads have work and queues one job for each whose key has none waiting or running.
 *
 * A tick runs in one transaction holding a transaction-scoped advisory lock per job name, so with
 * several workers on one PostgreSQL only one looks at a time (the others skip that tick), and the
 * check and the enqueue are atomic. A running job counts only while it reports progress: a worker
 * that died does not hold its key for ever. Polled jobs must be singletons (keyed by payload).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { singletonKeyOf, type AnyJobDefinition } from "./definition";
import type { JobDriver } from "./drivers/driver";
import { enqueue } from "./queue";
import { errorFields, log } from "@/lib/infra/log";

/** A job is taken for dead after this long without news (deliver jobs report every second). */
const STALE = sql`interval '2 minutes'`;

export class JobPoller {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly busy = new Set<string>();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly definitions: readonly AnyJobDefinition[],
    private readonly driver: JobDriver,
  ) {}

  start(): void {
    for (const definition of this.definitions) {
      if (!definition.poll) continue;
      if (!definition.singleton)
        throw new Error(`${definition.name} is polled, so it must be a singleton.`);
      const timer = setInterval(() => void this.tick(definition), definition.poll.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** One look for one job; answers how many jobs it queued. */
  async tick(definition: AnyJobDefinition): Promise<number> {
    if (this.stopped || this.busy.has(definition.name) || !definition.poll) return 0;
    this.busy.add(definition.name);
    try {
      return await this.db.transaction(async (tx) => {
        const [lock] = await queryRows<{ ok: boolean }>(
          tx,
          sql`select pg_try_advisory_xact_lock(hashtext(${`accord-poll:${definition.name}`})) as ok`,
        );
        if (!lock?.ok) return 0;
        const keyed = (await definition.poll!.due(tx)).map((payload) => ({
          payload,
          key: singletonKeyOf(definition, definition.payload.parse(payload))!,
        }));
        if (!keyed.length) return 0;
        const active = await queryRows<{ key: string }>(
          tx,
          sql`select singleton_key as key from jobs
              where state in ('queued', 'running')
                and singleton_key = any(${arrayParam(
                  keyed.map((k) => k.key),
                  "text",
                )})
                and ((state = 'queued' and run_at > now() - ${STALE})
                  or (state = 'running' and heartbeat_at > now() - ${STALE}))`,
        );
        const taken = new Set(active.map((a) => a.key));
        let queued = 0;
        for (const { payload, key } of keyed) {
          if (taken.has(key)) continue;
          await enqueue(tx, definition, payload, { driver: this.driver, requestedBy: "poll" });
          queued++;
        }
        return queued;
      });
    } catch (error) {
      if (!this.stopped)
        log.error("jobs.poll_failed", { job: definition.name, ...errorFields(error) });
      return 0;
    } finally {
      this.busy.delete(definition.name);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
  }
}
