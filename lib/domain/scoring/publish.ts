/**
 * Publish: the draft becomes a new version, built beside the live one and swapped in at once.
 *
 * 1. `beginPublish` checks the draft and stores it as a version in state `publishing` (one at a
 *    time: a unique index allows a single such row) — nothing is live yet.
 * 2. `buildPublish` computes every lead's score under it in one parallel statement straight into
 *    a shadow table shaped like lead_scores (lead_scores_next, publish-shadow.ts) — with no
 *    scoring lock: ingestion keeps storing and scoring events under the live version meanwhile.
 *    Each shadow row notes which version of the live row it was computed against (its xmin, read
 *    in the same snapshot as the events); the leads that moved are rescored into it after.
 *    When the draft's event rules count what the live ones count (points, attribute rules, caps,
 *    grades or bands changed: the everyday edit), the scores derive from the live rows' stored
 *    earnings instead, without reading an event (derive.ts); each keeps its live row's time.
 * 3. The swap is one short transaction under the exclusive scoring lock: the leads whose live row
 *    changed since (events ingested, leads updated) or that are new are rescored into the shadow,
 *    the shadow's history rows are written, the tables are renamed (O(1)), the version becomes
 *    live, the draft's base moves and a `model.published` webhook event is written. Readers see the old
 *    scores or the new, never a mix.
 * 4. After it, the leads now meeting the MQL conditions are handed over in short batches that
 *    ingestion interleaves with (publish-handoff.ts).
 *
 * A build cut off (worker killed, job aborted) leaves the old version live and untouched; run
 * again, it rebuilds the shadow from scratch. A publish that gives up is marked `failed` with its
 * error (`failPublish`). The job layer runs 2–3 (lib/jobs/definitions/scoring-publish.ts);
 * `publishDraft` runs all three in the caller's process (CLI, seeds, benchmarks, tests).
 */
import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { auditLog, modelDraft, modelVersions } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { emitWebhookEvent } from "@/lib/domain/webhooks/outbox";
import { lockScoringExclusive, tuneForScoring } from "./locks";
import { handOffAfterSwap } from "./publish-handoff";
import { modelIssues, scoringModelSchema, type ScoringModel } from "./model";
import {
  buildShadow,
  catchUp,
  dropErased,
  snapshotXmin,
  renameIntoPlace,
  analyzeScores,
  writeHistory,
} from "./publish-shadow";
import { scoredFrom } from "./derive";
import { derivedFromLive, SHADOW_TABLE, type Derived } from "./rescore";
import { getDraft, nextVersionNumber } from "./versions";

export type PublishBy = {
  actorType: "user" | "api_key";
  actorId: string;
  label: string;
  userId: string | null;
};
export type PublishResult = {
  version: number;
  leadsRescored: number;
  handedOver: number;
  ms: number;
};

export class InvalidModelError extends AppError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(
      "unprocessable",
      "The model is not valid.",
      Object.fromEntries(issues.map((i) => [i.path, [i.message]])),
    );
  }
}

/** Where a publish spent its time, by step (kept in the audit log; `npm run bench` prints it). */
type Steps = Record<string, number>;
function stepper(steps: Steps) {
  let last = performance.now();
  return (name: string) => {
    const now = performance.now();
    steps[name] = (steps[name] ?? 0) + Math.round(now - last);
    last = now;
  };
}

/** A publish without a job (CLI, seed) that has not finished in this long was cut off. */
const STALE_WITHOUT_JOB = "1 hour";

/**
 * Checks the draft and stores it as version N in state `publishing`; `schedule` (called in the same
 * transaction) queues the job that builds it and answers the job's id. 409 while another publish
 * is under way; 404 without a draft; 422 with JSON paths when the draft is not a valid model.
 */
export async function beginPublish(
  db: Db,
  by: PublishBy,
  note = "",
  schedule?: (tx: Queryable, version: number) => Promise<string>,
): Promise<{ version: number; jobId: string | null }> {
  return db.transaction(async (tx) => {
    const draft = await getDraft(tx);
    if (!draft) throw new AppError("not_found", "There is no draft to publish; save one first.");
    const parsed = scoringModelSchema.safeParse(draft.document);
    if (!parsed.success) throw new InvalidModelError(modelIssues(parsed.error));
    await settleAbandoned(tx);
    const version = await nextVersionNumber(tx);
    const inserted = await queryRows<{ version: number }>(
      tx,
      sql`insert into model_versions (version, state, document, note, author_id, author_label)
          values (${version}, 'publishing', ${JSON.stringify(parsed.data)}::jsonb, ${note.trim()},
                  ${by.userId}, ${by.label})
          on conflict do nothing
          returning version`,
    );
    if (!inserted.length) {
      const [running] = await tx
        .select({ version: modelVersions.version })
        .from(modelVersions)
        .where(eq(modelVersions.state, "publishing"));
      throw new AppError(
        "conflict",
        running
          ? `Version ${running.version} is being published; wait for it to finish.`
          : "Another publish started at the same moment; try again.",
      );
    }
    const jobId = schedule ? await schedule(tx, version) : null;
    if (jobId)
      await tx.update(modelVersions).set({ jobId }).where(eq(modelVersions.version, version));
    return { version, jobId };
  });
}

/**
 * A `publishing` version whose job ended without making it live (failed, cancelled, gone), or
 * that was published without a job long ago, will never finish: it is marked failed so the next
 * publish can start.
 */
async function settleAbandoned(tx: Queryable): Promise<void> {
  await tx.execute(sql`
    update model_versions v
    set state = 'failed',
        error = coalesce(v.error, (select j.error from jobs j where j.id = v.job_id),
                         'The publish stopped before it finished.')
    where v.state = 'publishing'
      and case when v.job_id is null
            then v.published_at < now() - ${STALE_WITHOUT_JOB}::interval
            else not exists (select 1 from jobs j where j.id = v.job_id and j.state in ('queued', 'running'))
          end`);
}

/** What went wrong, in words: the database's own message rather than the query that failed. */
export function publishErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause ?? error.message;
}

/** Marks a publish that gave up: the old version stays live, the error is kept on the version. */
export async function failPublish(db: Queryable, version: number, error: string): Promise<void> {
  await db
    .update(modelVersions)
    .set({ state: "failed", error: error.slice(0, 2000) })
    .where(and(eq(modelVersions.version, version), eq(modelVersions.state, "publishing")));
}

export type BuildOptions = {
  now?: () => Date;
  onProgress?: (done: number, total: number | null, phase?: string) => Promise<void>;
  /** Stops the build before the swap (the job is cancelled or its worker stops). */
  signal?: AbortSignal;
  /** Called once the shadow table is built, before the catch-up (tests: ingest meanwhile, or abort). */
  afterBuild?: () => Promise<void>;
};

/** Builds version N beside the live one, then swaps it in (see the top of this file). */
export async function buildPublish(
  db: Db,
  version: number,
  by: PublishBy,
  options: BuildOptions = {},
): Promise<PublishResult> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const [row] = await db.select().from(modelVersions).where(eq(modelVersions.version, version));
  if (!row) throw new AppError("not_found", `There is no version ${version}.`);
  if (row.state === "live") {
    // Run again after its swap (the worker stopped during the handoffs): hand over the rest.
    const model = scoringModelSchema.parse(row.document);
    const handedOver = await handOffAfterSwap(db, { model, version, now: now() });
    return { version, leadsRescored: row.leadsRescored, handedOver, ms: row.durationMs };
  }
  if (row.state === "failed")
    throw new AppError("conflict", `Publishing version ${version} failed: ${row.error ?? ""}`);
  const model = scoringModelSchema.parse(row.document);
  const asOf = now();
  const steps: Steps = {};
  const step = stepper(steps);

  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from leads`,
  );
  const derived = await derivedFromLive(db, model);
  const perLeadMs = derived ? null : await replayPace(db);
  await options.onProgress?.(0, total, "rescoring");
  // One statement computes every score: the bar moves by the pace of the last publish meanwhile.
  const estimate = estimateProgress(total, perLeadMs, options.onProgress);
  let since: string;
  let replayed = 0;
  try {
    since = await db.transaction(async (tx) => {
      await tuneForScoring(tx);
      const before = await snapshotXmin(tx);
      replayed = await buildShadow(tx, { model, version, asOf, derived });
      return before;
    });
  } finally {
    estimate.stop();
  }
  step("build");
  await options.onProgress?.(total, total, "rescoring");
  await options.afterBuild?.();
  options.signal?.throwIfAborted();
  // Leads that moved while the build ran, outside the lock first so the swap has little left.
  since = await db.transaction(async (tx) => {
    await tuneForScoring(tx);
    const before = await snapshotXmin(tx);
    await catchUp(tx, { model, version, asOf, since, erased: true, derived });
    return before;
  });
  step("catchUp");
  options.signal?.throwIfAborted();
  await options.onProgress?.(total, total, "swapping");
  const result = await swapWhenReaders(db, {
    version,
    by,
    model,
    asOf: now(),
    buildAsOf: asOf,
    since,
    started,
    steps,
    derived,
    replayed,
  });
  await analyzeScores(db);
  step("analyze");
  await options.onProgress?.(total, total, "handingOver");
  const handedOver = await handOffAfterSwap(db, { model, version, now: result.asOf });
  step("handOff");
  return { version, leadsRescored: result.leadsRescored, handedOver, ms: result.ms };
}

/**
 * The time per lead of the last publish that replayed every event (a derived one is far quicker
 * and would pace the next replay's progress bar far too fast), from its audit row; null when
 * there is none.
 */
export async function replayPace(db: Queryable): Promise<number | null> {
  const [row] = await queryRows<{ ms: number | null }>(
    db,
    sql`select (a.data->>'ms')::float8 / nullif((a.data->>'leadsRescored')::float8, 0) as ms
        from model_versions v
        join audit_log a on a.target_type = 'model_version' and a.target_id = v.version::text
          and a.action = 'model.published'
        where v.state = 'live' and coalesce(a.data->>'scoredFrom', 'events') = 'events'
        order by v.version desc limit 1`,
  );
  return row?.ms ?? null;
}

/**
 * Progress while the one build statement runs: leads done at the pace the last publish took per
 * lead (all of it: the build is most of a publish), held below the total until it is done.
 */
function estimateProgress(
  total: number,
  perLeadMs: number | null,
  onProgress: BuildOptions["onProgress"],
): { stop: () => void } {
  if (!onProgress || !perLeadMs || total === 0) return { stop: () => {} };
  const started = performance.now();
  const timer = setInterval(() => {
    const done = Math.floor((performance.now() - started) / perLeadMs);
    void onProgress(Math.min(done, Math.floor(total * 0.95)), total, "rescoring").catch(() => {});
  }, 1000);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}

/**
 * The swap needs lead_scores to itself for an instant; a long report reading it would make it
 * wait — and everyone queued behind it. So it waits a few seconds at most, steps back and tries
 * again (the build is kept).
 */
async function swapWhenReaders(
  db: Db,
  args: Parameters<typeof swap>[1],
): Promise<PublishResult & { asOf: Date }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await swap(db, args);
    } catch (error) {
      const failure = error as { code?: string; cause?: { code?: string } };
      const code = failure.cause?.code ?? failure.code;
      if (code !== "55P03" || attempt >= SWAP_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

const SWAP_ATTEMPTS = 10;

async function swap(
  db: Db,
  args: {
    version: number;
    by: PublishBy;
    model: ScoringModel;
    asOf: Date;
    buildAsOf: Date;
    /** The oldest transaction the last catch-up may not have seen (snapshotXmin). */
    since: string;
    derived: Derived | null;
    /** Leads whose scores the build took from their events although it derived the others. */
    replayed: number;
    started: number;
    steps: Steps;
  },
): Promise<PublishResult & { asOf: Date }> {
  const { version, model, asOf } = args;
  const shadow = sql.raw(SHADOW_TABLE);
  const step = stepper(args.steps);
  return db.transaction(async (tx) => {
    await tuneForScoring(tx);
    // Before taking the lock, the bulk of the history: invisible to all until this commits.
    let historyRows = await writeHistory(tx, args.buildAsOf);
    step("history");
    await lockScoringExclusive(tx);
    step("swap.lock");
    const lockedAt = performance.now();
    const [row] = await queryRows<{ state: string; note: string; author_label: string }>(
      tx,
      sql`select state, note, author_label from model_versions where version = ${version} for update`,
    );
    if (row?.state !== "publishing")
      throw new AppError("conflict", `Version ${version} is no longer being published.`);
    // Ingestion waits on the scoring lock now; whatever it stored meanwhile is taken in, and
    // the history of those leads written again from their new rows.
    const moved = await catchUp(tx, {
      model,
      version,
      asOf: args.buildAsOf,
      since: args.since,
      erased: false,
      derived: args.derived,
    });
    if (moved.length) {
      const [dropped] = await queryRows<{ n: number }>(
        tx,
        sql`with dropped as (
              delete from score_history where lead_id = any(${arrayParam(moved, "uuid")})
                and model_version = ${version} and cause = 'publish' returning 1)
            select count(*)::int as n from dropped`,
      );
      historyRows += (await writeHistory(tx, args.buildAsOf, moved)) - dropped.n;
    }
    step("swap.catchUp");
    // Readers of lead_scores wait from here to the commit (the rename needs the table alone).
    await tx.execute(sql`set local lock_timeout = '3s'`);
    await tx.execute(sql`lock table lead_scores in access exclusive mode`);
    await tx.execute(sql`set local lock_timeout = 0`);
    step("swap.readers");
    // Leads erased during the build were dropped from the shadow by the catch-up before the lock;
    // those erased since go now (an erase holds the same lock: none can come between).
    await dropErased(tx, version);
    const [{ scored }] = await queryRows<{ scored: number }>(
      tx,
      sql`select count(*)::int as scored from ${shadow}`,
    );
    await tx.execute(sql`alter table ${shadow} drop column src_xmin, drop column record`);
    step("swap.history");
    await renameIntoPlace(tx);
    step("swap.rename");
    const ms = Math.round(performance.now() - args.started);
    await tx
      .update(modelVersions)
      .set({
        state: "live",
        publishedAt: sql`now()`,
        leadsRescored: scored,
        durationMs: ms,
        error: null,
      })
      .where(eq(modelVersions.version, version));
    await tx.update(modelDraft).set({ baseVersion: version }).where(eq(modelDraft.id, 1));
    await tx.insert(auditLog).values({
      actorType: args.by.actorType,
      actorId: args.by.actorId,
      action: "model.published",
      targetType: "model_version",
      targetId: String(version),
      data: {
        note: row.note,
        leadsRescored: scored,
        handedOver: 0, // counted after the swap (publish-handoff.ts)
        ms,
        historyRows,
        // Derived from the live version's stored earnings (derive.ts), wholly or but for the rules
        // that count something new, or replayed from events.
        scoredFrom: scoredFrom(args.derived?.derivation),
        ...(args.derived ? { replayed: args.replayed } : {}),
        // How long ingestion waited (the exclusive lock held), up to the audit row.
        exclusiveMs: Math.round(performance.now() - lockedAt),
        steps: args.steps,
      },
    });
    await emitWebhookEvent(tx, {
      type: "model.published",
      data: {
        version,
        name: model.name,
        note: row.note,
        mqlThreshold: model.mqlThreshold,
        publishedBy: row.author_label,
      },
      at: asOf,
    });
    return { version, leadsRescored: scored, handedOver: 0, ms, asOf };
  });
}

/**
 * The whole publish in this process: begin, build, swap — for the CLI, seeds, benchmarks and
 * tests. A failure marks the version failed (the old one stays live) and is thrown.
 */
export async function publishDraft(
  db: Db,
  by: PublishBy,
  note = "",
  now = () => new Date(),
  options: Omit<BuildOptions, "now"> = {},
): Promise<PublishResult> {
  const started = performance.now();
  const { version } = await beginPublish(db, by, note);
  try {
    const result = await buildPublish(db, version, by, { ...options, now });
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await failPublish(db, version, publishErrorText(error));
    throw error;
  }
}
