/**
 * Runs one attempt of a job for either driver and keeps its row in `jobs` truthful: running with
 * progress, then done with its result, or — on an error — queued again for a retry with the error
 * kept, or failed once its attempts are spent. Never throws for the job's own failure: it answers
 * what happened so the driver can schedule the retry its own way.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { jobs, type JobState } from "@/db/schema";
import { eq } from "drizzle-orm";
import { retryDelaySeconds, type AnyJobDefinition } from "./definition";

export type Attempt = {
  outcome: "done" | "retry" | "failed" | "cancelled";
  error?: string;
  delaySeconds?: number;
};

const PROGRESS_EVERY_MS = 250;

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}

export async function executeJob(
  db: Db,
  definition: AnyJobDefinition,
  jobId: string,
  worker: string,
  outer?: AbortSignal,
): Promise<Attempt> {
  const [row] = await queryRows<{
    payload: unknown;
    attempts: number;
    max_attempts: number;
    state: JobState;
  }>(
    db,
    sql`update jobs set state = 'running', attempts = attempts + 1, started_at = now(), heartbeat_at = now(),
          worker = ${worker}, error = null, finished_at = null
        where id = ${jobId} and state in ('queued', 'running')
        returning payload, attempts, max_attempts, state`,
  );
  if (!row) return { outcome: "cancelled" };
  const parsed = definition.payload.safeParse(row.payload);
  if (!parsed.success) {
    await finish(db, jobId, "failed", {
      error: `Invalid payload: ${parsed.error.issues[0]?.message}`,
    });
    return { outcome: "failed", error: "invalid payload" };
  }
  const controller = new AbortController();
  outer?.addEventListener("abort", () => controller.abort(outer.reason), { once: true });
  let lastWrite = 0;
  const progress = async (done: number, total: number | null, phase?: string) => {
    // Lets the rest of the process run at each report. On the embedded database no query waits
    // on I/O, so a job's whole await chain is microtasks: without this one turn of the event
    // loop, no request of the web server sharing the process is answered until the job ends.
    await yieldToEventLoop();
    const now = Date.now();
    if (now - lastWrite < PROGRESS_EVERY_MS && total !== null && done < total) return;
    lastWrite = now;
    const [state] = await queryRows<{ state: JobState }>(
      db,
      sql`update jobs set progress_done = ${Math.round(done)}, progress_total = ${total === null ? null : Math.round(total)},
            phase = coalesce(${phase ?? null}, phase), heartbeat_at = now()
          where id = ${jobId} returning state`,
    );
    if (state?.state === "cancelled") controller.abort(new Error("cancelled"));
  };
  try {
    const result = await definition.run({
      db,
      payload: parsed.data,
      jobId,
      attempt: row.attempts,
      progress,
      signal: controller.signal,
    });
    if (controller.signal.aborted && isCancelled(controller.signal))
      return { outcome: "cancelled" };
    await finish(db, jobId, "done", { result: result ?? null });
    return { outcome: "done" };
  } catch (error) {
    if (isCancelled(controller.signal)) return { outcome: "cancelled" };
    const message = describe(error);
    if (row.attempts < row.max_attempts) {
      const delaySeconds = retryDelaySeconds(definition, row.attempts);
      await db
        .update(jobs)
        .set({ state: "queued", error: message, runAt: new Date(Date.now() + delaySeconds * 1000) })
        .where(eq(jobs.id, jobId));
      return { outcome: "retry", error: message, delaySeconds };
    }
    await finish(db, jobId, "failed", { error: message });
    return { outcome: "failed", error: message };
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function isCancelled(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason instanceof Error && signal.reason.message === "cancelled";
}

async function finish(
  db: Db,
  jobId: string,
  state: Extract<JobState, "done" | "failed">,
  {
    result = null,
    error = null,
  }: { result?: Record<string, unknown> | null; error?: string | null },
) {
  await db
    .update(jobs)
    .set({ state, result, error, finishedAt: new Date(), heartbeatAt: new Date() })
    .where(eq(jobs.id, jobId));
}
