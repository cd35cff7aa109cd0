/**
 * A job is declared once: its name, the zod schema of its payload, whether two may run at the
 * same time, how it retries, and (for recurring work) its schedule. The drivers (pg-boss on
 * PostgreSQL, the in-process runner on the embedded database) give the same guarantees from this.
 */
import type { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import type { Permission } from "@/lib/auth/permissions";
import type { ApiScope } from "@/lib/auth/scopes";

export type JobContext<P> = {
  db: Db;
  payload: P;
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  /** Reports where the job stands; people see it as a progress bar. */
  progress(done: number, total: number | null, phase?: string): Promise<void>;
  /** Aborted when the job is cancelled or the worker stops. */
  signal: AbortSignal;
};

export type JobDefinition<P = unknown> = {
  name: string;
  payload: z.ZodType<P>;
  /**
   * Jobs with the same key never run at once, across every worker of the cluster: `true` keys by
   * the job name alone, a function by part of the payload (e.g. one delivery per endpoint).
   */
  singleton?: true | ((payload: P) => string);
  /** Attempts in all (1 = no retry), and the first delay, doubled after each failure. */
  retry?: { attempts: number; delaySeconds: number };
  /** Cron (UTC) for recurring work, run once per cluster. */
  schedule?: string;
  /**
   * Work noticed by looking, for jobs fed by a table rather than by a request (the webhook
   * outbox): every `everyMs` the working processes ask `due` which payloads have work, and queue
   * one job for each that has none waiting or running (lib/jobs/poller.ts).
   */
  poll?: { everyMs: number; due(db: Queryable): Promise<P[]> };
  /**
   * How many of this job one worker runs at once, in a pool of its own (default: the worker's
   * shared pool). For many small independent jobs — one per webhook endpoint — so a slow one
   * never waits behind, or holds up, the others.
   */
  concurrency?: number;
  /** Who may read the job's state: people with the permission, API keys with the scope. */
  readers: { permission: Permission; scope?: ApiScope };
  /** Who may cancel it (none: it cannot be cancelled). */
  cancellers?: { permission: Permission; scope?: ApiScope };
  /** A run that takes longer is considered lost and retried (its worker died). */
  timeoutSeconds?: number;
  run(ctx: JobContext<P>): Promise<Record<string, unknown> | void>;
};

/** A definition whatever its payload, for lists of jobs (the payload is checked at run time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export function singletonKeyOf<P>(definition: JobDefinition<P>, payload: P): string | null {
  if (!definition.singleton) return null;
  return definition.singleton === true
    ? definition.name
    : `${definition.name}:${definition.singleton(payload)}`;
}

/** The delay before attempt n+1 (n ≥ 1): exponential, from the job's first delay. */
export function retryDelaySeconds(definition: AnyJobDefinition, attempt: number): number {
  const base = definition.retry?.delaySeconds ?? 30;
  return Math.min(base * 2 ** (attempt - 1), 6 * 3600);
}
