/**
 * Publish: the draft becomes a new version, built beside the live one and swapped in at once.
 *
 * 1. `beginPublish` checks the draft and stores it as a version in state `publishing` (one at a
 *    time: a unique index allows a single such row) — nothing is live yet.
 * 2. `buildPublish` computes every lead's score under it in one parallel statement into a staging
 *    table (lead_scores_computed), then writes a shadow table shaped like lead_scores
 *    (lead_scores_next) from it, one range of leads per short transaction, reporting progress —
 *    all with no scoring lock: ingestion keeps storing and scoring events under the live version
 *    meanwhile. Each shadow row notes which version of the live row it was computed against (its
 *    xmin, read in the same snapshot as the events).
 * 3. The swap is one short transaction under the exclusive scoring lock: the leads whose live row
 *    changed since (events ingested, leads updated) or that are new are rescored into the shadow,
 *    the shadow's history rows are written, the tables are renamed (O(1)), the version becomes
 *    live, the draft's base moves, the leads now meeting the MQL conditions are handed over and a
 *    `model.published` webhook event is written. Readers see the old scores or the new, never a mix.
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
import { handOff } from "@/lib/domain/lifecycle/hand-off";
import { emitWebhookEvent } from "@/lib/domain/webhooks/outbox";
import { lockScoringExclusive, tuneForScoring } from "./locks";
import { modelIssues, scoringModelSchema, type ScoringModel } from "./model";
import { computeAll, rescoreInto, SHADOW_TABLE, STAGING_TABLE, type LeadRange } from "./rescore";
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

/** Leads per build transaction: big enough for a parallel scan, small enough to report progress. */
export const PUBLISH_BATCH = 50_000;

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
  /** Stops the build between batches (the job is cancelled or its worker stops). */
  signal?: AbortSignal;
  batchSize?: number;
  /** Called after each batch is committed (tests: ingest meanwhile, or abort). */
  afterBatch?: (batch: number) => Promise<void>;
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
  if (row.state === "live")
    return { version, leadsRescored: row.leadsRescored, handedOver: 0, ms: row.durationMs };
  if (row.state === "failed")
    throw new AppError("conflict", `Publishing version ${version} failed: ${row.error ?? ""}`);
  const model = scoringModelSchema.parse(row.document);
  const asOf = now();
  const steps: Steps = {};
  const step = stepper(steps);

  await prepareShadow(db);
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from leads`,
  );
  await options.onProgress?.(0, total, "rescoring");
  await db.transaction(async (tx) => {
    await tuneForScoring(tx);
    await computeAll(tx, { model, asOf });
  });
  step("compute");
  const size = options.batchSize ?? PUBLISH_BATCH;
  let done = 0;
  let after: string | null = null;
  for (let batch = 1; ; batch++) {
    options.signal?.throwIfAborted();
    const [bound]: { up_to: string | null; n: number }[] = await queryRows(
      db,
      sql`with b as (select lead_id from ${sql.raw(STAGING_TABLE)}
                     ${after ? sql`where lead_id > ${after}::uuid` : sql``}
                     order by lead_id limit ${size})
          select (select lead_id::text from b order by lead_id desc limit 1) as up_to,
                 (select count(*)::int from b) as n`,
    );
    if (!bound.up_to) break;
    const staged: LeadRange = { after, upTo: bound.up_to };
    await db.transaction(async (tx) => {
      await tuneForScoring(tx);
      await rescoreInto(tx, { model, version, asOf, staged });
    });
    done += bound.n;
    after = bound.up_to;
    step("build");
    await options.onProgress?.(Math.min(done, total), Math.max(total, done), "rescoring");
    await options.afterBatch?.(batch);
  }
  await db.execute(sql.raw(`drop table if exists ${STAGING_TABLE}`));
  options.signal?.throwIfAborted();
  // Leads that moved while the build ran, outside the lock first so the swap has little left.
  await db.transaction(async (tx) => {
    await tuneForScoring(tx);
    await catchUp(tx, model, version, asOf);
  });
  step("catchUp");
  options.signal?.throwIfAborted();
  await options.onProgress?.(Math.max(total, done), Math.max(total, done), "swapping");
  const result = await swapWhenReaders(db, {
    version,
    by,
    model,
    asOf: now(),
    buildAsOf: asOf,
    started,
    steps,
  });
  // Outside the swap: the foreign key is checked without blocking anyone, statistics refreshed.
  await validateAndAnalyze(db);
  return result;
}

/** A fresh shadow table shaped like lead_scores (its columns, defaults, indexes, storage). */
async function prepareShadow(db: Db): Promise<void> {
  await db.execute(sql.raw(`drop table if exists ${SHADOW_TABLE}`));
  await db.execute(sql.raw(`create table ${SHADOW_TABLE} (like lead_scores including all)`));
  const [opts] = await queryRows<{ options: string[] | null }>(
    db,
    sql`select reloptions as options from pg_class where oid = 'lead_scores'::regclass`,
  );
  if (opts?.options?.length)
    await db.execute(sql.raw(`alter table ${SHADOW_TABLE} set (${opts.options.join(", ")})`));
  // Build-time only: dropped before the swap (a later LIKE does not copy dropped columns).
  await db.execute(
    sql.raw(
      `alter table ${SHADOW_TABLE} add column src_xmin xid, add column record boolean not null default false`,
    ),
  );
}

/**
 * Rescores into the shadow every lead whose live row is not the one its shadow row was computed
 * against (scored again since), or that has no shadow row (new); drops rows of leads erased since.
 */
async function catchUp(
  tx: Queryable,
  model: ScoringModel,
  version: number,
  asOf: Date,
): Promise<string[]> {
  const moved = await queryRows<{ id: string }>(
    tx,
    sql`select l.id from leads l
        left join lead_scores s on s.lead_id = l.id
        left join ${sql.raw(SHADOW_TABLE)} n on n.lead_id = l.id
        where n.lead_id is null or n.src_xmin is distinct from s.xmin`,
  );
  await tx.execute(
    sql`delete from ${sql.raw(SHADOW_TABLE)} n where not exists (select 1 from leads l where l.id = n.lead_id)`,
  );
  const ids = moved.map((m) => m.id);
  for (let i = 0; i < ids.length; i += PUBLISH_BATCH)
    await rescoreInto(tx, { model, version, asOf, leadIds: ids.slice(i, i + PUBLISH_BATCH) });
  return ids;
}

/** The score_history rows of the shadow's marked rows (all of them, or those of some leads). */
async function writeHistory(tx: Queryable, leadIds?: string[]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with recorded as (
          insert into score_history (lead_id, at, model_version, total, fit, engagement, cause)
          select lead_id, as_of, model_version, total, fit, engagement, 'publish'
          from ${sql.raw(SHADOW_TABLE)}
          where record ${leadIds ? sql`and lead_id = any(${arrayParam(leadIds, "uuid")})` : sql``}
          returning 1)
        select count(*)::int as n from recorded`,
  );
  return row.n;
}

/**
 * The swap needs lead_scores to itself for an instant; a long report reading it would make it
 * wait — and everyone queued behind it. So it waits a few seconds at most, steps back and tries
 * again (the build is kept).
 */
async function swapWhenReaders(db: Db, args: Parameters<typeof swap>[1]): Promise<PublishResult> {
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
    started: number;
    steps: Steps;
  },
): Promise<PublishResult> {
  const { version, model, asOf } = args;
  const shadow = sql.raw(SHADOW_TABLE);
  const swapStarted = performance.now();
  const step = stepper(args.steps);
  return db.transaction(async (tx) => {
    await tuneForScoring(tx);
    // Before taking the lock, the bulk of the history: invisible to all until this commits.
    let historyRows = await writeHistory(tx);
    step("swap.history");
    await lockScoringExclusive(tx);
    step("swap.lock");
    const [row] = await queryRows<{ state: string; note: string; author_label: string }>(
      tx,
      sql`select state, note, author_label from model_versions where version = ${version} for update`,
    );
    if (row?.state !== "publishing")
      throw new AppError("conflict", `Version ${version} is no longer being published.`);
    // Ingestion waits on the scoring lock now; whatever it stored meanwhile is taken in, and
    // the history of those leads written again from their new rows.
    const moved = await catchUp(tx, model, version, args.buildAsOf);
    if (moved.length) {
      const [dropped] = await queryRows<{ n: number }>(
        tx,
        sql`with dropped as (
              delete from score_history where lead_id = any(${arrayParam(moved, "uuid")})
                and model_version = ${version} and cause = 'publish' returning 1)
            select count(*)::int as n from dropped`,
      );
      historyRows += (await writeHistory(tx, moved)) - dropped.n;
    }
    step("swap.catchUp");
    // Readers of lead_scores wait from here to the commit (the rename needs the table alone).
    await tx.execute(sql`set local lock_timeout = '3s'`);
    await tx.execute(sql`lock table lead_scores in access exclusive mode`);
    await tx.execute(sql`set local lock_timeout = 0`);
    step("swap.readers");
    // Leads erased since their row was built: neither their score nor its history stays.
    const erased = await queryRows<{ lead_id: string }>(
      tx,
      sql`delete from ${shadow} n where not exists (select 1 from leads l where l.id = n.lead_id)
          returning n.lead_id`,
    );
    if (erased.length)
      await tx.execute(
        sql`delete from score_history where model_version = ${version} and cause = 'publish'
            and lead_id = any(${arrayParam(
              erased.map((e) => e.lead_id),
              "uuid",
            )})`,
      );
    const [{ scored }] = await queryRows<{ scored: number }>(
      tx,
      sql`select count(*)::int as scored from ${shadow}`,
    );
    await tx.execute(sql`alter table ${shadow} drop column src_xmin, drop column record`);
    step("swap.history");
    await renameIntoPlace(tx);
    step("swap.rename");
    const { handedOver } = await handOff(tx, { model, version, now: asOf, leadIds: null });
    step("swap.handOff");
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
        handedOver,
        ms,
        historyRows,
        // How long ingestion waited (the exclusive part), up to the audit row.
        swapMs: Math.round(performance.now() - swapStarted),
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
    return { version, leadsRescored: scored, handedOver, ms };
  });
}

/**
 * lead_scores_next becomes lead_scores: the old table is dropped, the shadow's indexes take the
 * old names (matched by definition), and the old foreign keys are added back unchecked —
 * `validateAndAnalyze` checks them after the commit without blocking anyone.
 */
async function renameIntoPlace(tx: Queryable): Promise<void> {
  const indexes = await queryRows<{ shadow: string; live: string }>(
    tx,
    sql`with defs as (
          select c.relname as table_name, i.relname as name, x.indisunique as uniq,
                 regexp_replace(pg_get_indexdef(x.indexrelid), '^.* USING ', '') as def
          from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
          where c.relname in ('lead_scores', ${SHADOW_TABLE}) and c.relnamespace = 'public'::regnamespace)
        select n.name as shadow, o.name as live
        from defs n join defs o on o.table_name = 'lead_scores' and o.def = n.def and o.uniq = n.uniq
        where n.table_name = ${SHADOW_TABLE}`,
  );
  const foreignKeys = await queryRows<{ name: string; def: string }>(
    tx,
    sql`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = 'lead_scores'::regclass and contype = 'f'`,
  );
  await tx.execute(sql`drop table lead_scores`);
  await tx.execute(sql.raw(`alter table ${SHADOW_TABLE} rename to lead_scores`));
  for (const index of indexes)
    if (index.shadow !== index.live)
      await tx.execute(sql.raw(`alter index "${index.shadow}" rename to "${index.live}"`));
  for (const fk of foreignKeys)
    await tx.execute(
      sql.raw(
        `alter table lead_scores add constraint "${fk.name}" ${fk.def.replace(/\s+NOT VALID\s*$/i, "")} not valid`,
      ),
    );
}

async function validateAndAnalyze(db: Db): Promise<void> {
  const unchecked = await queryRows<{ name: string }>(
    db,
    sql`select conname as name from pg_constraint
        where conrelid = 'lead_scores'::regclass and contype = 'f' and not convalidated`,
  );
  for (const fk of unchecked)
    await db.execute(sql.raw(`alter table lead_scores validate constraint "${fk.name}"`));
  await db.execute(sql`analyze lead_scores`);
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
