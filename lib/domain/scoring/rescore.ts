/**
 * Writes scores: runs the compiled model and upserts lead_scores (with what each rule earned)
 * in one statement, appending a score_history row for each lead scored for the first time or whose
 * total moved by a point or more since its last snapshot. Callers hold the scoring lock (locks.ts).
 *
 * A publish builds the shadow table in one statement (publish-shadow.ts) and rescores the leads
 * that moved meanwhile into it (`rescoreInto`): no history yet — each row notes whether it will
 * need one (`record`) and which version of the live row it was computed against (`src_xmin`).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { compileScores } from "./compile";
import { compileDerivedScores } from "./compile-derived";
import { deriveFrom, type Derivation } from "./derive";
import { getActiveModel } from "./versions";
import type { ScoringModel } from "./model";

export type RescoreCause = "publish" | "ingest" | "refresh" | "lead";

export type RescoreResult = { scored: number; recorded: number };

/** The table a publish builds its scores in, beside lead_scores (publish.ts). */
export const SHADOW_TABLE = "lead_scores_next";

export async function rescore(
  tx: Queryable,
  args: {
    model: ScoringModel;
    version: number;
    asOf: Date;
    cause: RescoreCause;
    leadIds?: string[] | null;
  },
): Promise<RescoreResult> {
  if (args.leadIds && args.leadIds.length === 0) return { scored: 0, recorded: 0 };
  const computed = compileScores(args.model, {
    asOf: args.asOf,
    leadIds: args.leadIds,
    earned: true,
  });
  if (args.leadIds) return writeScores(tx, sql`(${computed})`, args);
  return viaTemporary(tx, computed, (source) => writeScores(tx, source, args));
}

/**
 * Two CTEs, for a statement that creates leads and scores them (compileNewLeadScores, in the
 * statement's CTE named by `scored`): each lead's first score and its first history row — what
 * writeScores writes for a lead without a score, without looking for the live row it cannot have.
 */
export function firstScoresSql(
  scored: SQL,
  args: { version: number; asOf: Date; cause: RescoreCause },
): SQL {
  const asOf = sql`${args.asOf.toISOString()}::timestamptz`;
  const version = sql`${args.version}::int`;
  return sql`first_history as (
      insert into score_history (lead_id, at, model_version, total, fit, engagement, cause)
      select lead_id, ${asOf}, ${version}, total, fit, engagement, ${args.cause}::text
      from ${scored} order by lead_id
    ),
    first_scores as (
      insert into lead_scores (lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band, as_of, recorded_total, earned)
      select lead_id, ${version}, total, fit, engagement, fit_grade, engagement_grade, band, ${asOf}, total, earned
      from ${scored}
    )`;
}

/**
 * The computed scores beside the live row each was computed against (its recorded total and
 * xmin), read in the same statement — so the same snapshot: a lead scored again afterwards shows
 * another xmin at the swap and is rescored then.
 */
export function withLiveRow(computed: SQL, asOf: Date): SQL {
  return sql`select c.*, ${asOf.toISOString()}::timestamptz as as_of, s.recorded_total, s.xmin as src_xmin
    from (${computed}) c left join lead_scores s on s.lead_id = c.lead_id`;
}

/**
 * Scores some leads again into the publish's shadow table (upserting: a lead that moved during the
 * build replaces its row). Callers hold no scoring lock while building; the swap holds it
 * exclusively (publish.ts).
 */
export async function rescoreInto(
  tx: Queryable,
  args: { model: ScoringModel; version: number; asOf: Date; leadIds: string[] },
): Promise<RescoreResult> {
  if (!args.leadIds.length) return { scored: 0, recorded: 0 };
  const computed = compileScores(args.model, {
    asOf: args.asOf,
    leadIds: args.leadIds,
    earned: true,
  });
  return writeScores(tx, sql`(${withLiveRow(computed, args.asOf)})`, {
    ...args,
    cause: "publish",
    shadow: true,
  });
}

/**
 * The same for leads whose new scores derive from their live rows' stored earnings (derive.ts):
 * no event is read, and each keeps its live row's time. Leads without a usable live row are
 * skipped (usableLiveRows tells them apart).
 */
export async function deriveInto(
  tx: Queryable,
  args: { model: ScoringModel; version: number; asOf: Date; leadIds: string[]; derived: Derived },
): Promise<RescoreResult> {
  if (!args.leadIds.length) return { scored: 0, recorded: 0 };
  const computed = compileDerivedScores(args.model, args.derived.derivation, {
    liveVersion: args.derived.liveVersion,
    leadIds: args.leadIds,
  });
  return writeScores(tx, sql`(${computed})`, { ...args, cause: "publish", shadow: true });
}

/** A publish whose scores derive from the live version's (`liveVersion`) stored earnings. */
export type Derived = { derivation: Derivation; liveVersion: number };

/** The given leads whose live row a derivation can read (scored under the live version, whole). */
export async function usableLiveRows(
  tx: Queryable,
  derived: Derived,
  leadIds: string[],
): Promise<Set<string>> {
  if (!leadIds.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select lead_id as id from lead_scores
        where lead_id = any(${arrayParam(leadIds, "uuid")})
          and model_version = ${derived.liveVersion}::int
          and cardinality(earned) = ${derived.derivation.liveRules}::int`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Many leads are computed into a temporary table first: a statement that writes can never use
 * parallel workers, a CREATE TABLE AS can (measured: the difference on 100,000 leads).
 */
async function viaTemporary(
  tx: Queryable,
  computed: SQL,
  write: (source: SQL) => Promise<RescoreResult>,
): Promise<RescoreResult> {
  await tx.execute(sql`create temporary table rescored on commit drop as ${computed}`);
  try {
    return await write(sql`rescored`);
  } finally {
    await tx.execute(sql`drop table if exists rescored`);
  }
}

async function writeScores(
  tx: Queryable,
  source: SQL,
  args: { version: number; asOf: Date; cause: RescoreCause; shadow?: boolean },
): Promise<RescoreResult> {
  const asOf = sql`${args.asOf.toISOString()}::timestamptz`;
  const version = sql`${args.version}::int`;
  const target = sql.raw(args.shadow ? SHADOW_TABLE : "lead_scores");
  const recordWhen = sql`recorded_total is null or abs(total - recorded_total) >= 1`;
  const [row] = await queryRows<RescoreResult>(
    tx,
    sql`
    with prev as (${
      args.shadow
        ? // The shadow's sources carry the live row they were computed against (withLiveRow).
          sql`select * from ${source} c`
        : sql`
      select c.*, s.recorded_total
      from ${source} c left join lead_scores s on s.lead_id = c.lead_id`
    }),
    recorded as (${
      args.shadow
        ? // The shadow's history is written at the swap, from the rows marked here.
          sql`select lead_id from prev where ${recordWhen}`
        : sql`
      insert into score_history (lead_id, at, model_version, total, fit, engagement, cause)
      select lead_id, ${asOf}, ${version}, total, fit, engagement, ${args.cause}::text
      from prev
      where ${recordWhen}
      order by lead_id -- the index's order (publish-shadow.ts, writeHistory)
      returning lead_id`
    }),
    upserted as (
      insert into ${target} (lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band, as_of, recorded_total, earned${args.shadow ? sql`, src_xmin, record` : sql``})
      select p.lead_id, ${version}, p.total, p.fit, p.engagement, p.fit_grade, p.engagement_grade, p.band, ${
        // The shadow's sources carry each score's time: derived ones keep their live row's.
        args.shadow ? sql`p.as_of` : asOf
      },
             case when r.lead_id is null then p.recorded_total else p.total end, p.earned${
               args.shadow ? sql`, p.src_xmin, r.lead_id is not null` : sql``
             }
      from prev p left join recorded r on r.lead_id = p.lead_id
      on conflict (lead_id) do update set
        model_version = excluded.model_version, total = excluded.total, fit = excluded.fit,
        engagement = excluded.engagement, fit_grade = excluded.fit_grade,
        engagement_grade = excluded.engagement_grade, band = excluded.band,
        as_of = excluded.as_of, recorded_total = excluded.recorded_total, earned = excluded.earned${
          args.shadow ? sql`, src_xmin = excluded.src_xmin, record = excluded.record` : sql``
        }
      returning 1
    )
    select (select count(*)::int from upserted) as scored, (select count(*)::int from recorded) as recorded`,
  );
  return row;
}

/**
 * A derivation of a draft's scores from the live version's stored earnings (derive.ts), when
 * one exists and nearly every lead's live row holds them (otherwise replaying every event once is
 * cheaper than deriving most leads and replaying the rest one batch at a time).
 */
export async function derivedFromLive(db: Queryable, model: ScoringModel): Promise<Derived | null> {
  const live = await getActiveModel(db);
  const derivation = live ? deriveFrom(live.model, model) : null;
  if (!live || !derivation) return null;
  const [row] = await queryRows<{ leads: number; usable: number }>(
    db,
    sql`select (select count(*)::int from leads where erased_at is null) as leads,
               (select count(*)::int from lead_scores
                where model_version = ${live.version}::int
                  and cardinality(earned) = ${derivation.liveRules}::int) as usable`,
  );
  return row.usable >= row.leads * DERIVED_SHARE ? { derivation, liveVersion: live.version } : null;
}

/** The share of leads with a usable live row above which a publish derives (see above). */
const DERIVED_SHARE = 0.9;
