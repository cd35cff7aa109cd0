/**
 * One row per handoff (a transition to `mql`) with what became of it: the first time it reached
 * each later stage (a later stage implies the earlier ones: a lead imported as won was accepted),
 * or was recycled, disqualified or lost, before the lead's next handoff. The rep and team are those of
 * the assignment in force when it was decided (or now, while open). Every report and the
 * recalibration assistant read handoffs through this query; nothing is computed row by row in JS.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";

export type OutcomeFilters = {
  /** Handoffs at or after `from` and before `to`. */
  from?: Date | null;
  to?: Date | null;
  teamId?: string | null;
  repId?: string | null;
  source?: string | null;
};

/** The stages at or past each target (a lead that reached a later one reached this one). */
export const STAGES_FROM: Record<OutcomeTarget, string[]> = {
  accepted: ["sal", "sql", "opportunity", "customer"],
  qualified: ["sql", "opportunity", "customer"],
  opportunity: ["opportunity", "customer"],
  won: ["customer"],
};

/** The column of `mqlOutcomesSql` holding when the handoff reached the target. */
export const REACHED_COLUMN: Record<OutcomeTarget, string> = {
  accepted: "accepted_at",
  qualified: "qualified_at",
  opportunity: "opportunity_at",
  won: "won_at",
};

const stageList = (stages: string[]) => sql.raw(stages.map((s) => `'${s}'`).join(", "));

/**
 * Columns: transition_id, lead_id, mql_at, score_total, score_fit, score_engagement, model_version,
 * source, country, rep_id, team_id, accepted_at, qualified_at, opportunity_at, won_at,
 * recycled_at, disqualified_at, lost_at, closed_at (recycled, disqualified or lost, whichever came
 * first).
 * With `owner: false` (and no team or rep filter) rep_id and team_id are null and not looked up.
 */
export function mqlOutcomesSql(
  filters: OutcomeFilters,
  now: Date,
  options: { owner?: boolean } = {},
): SQL {
  // Who owned each handoff costs a lookup per handoff: skipped (null columns) when nobody asks.
  const owner = options.owner !== false || Boolean(filters.teamId || filters.repId);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const where: SQL[] = [sql`h.to_stage = 'mql'`, sql`h.at <= ${nowSql}`];
  if (filters.from) where.push(sql`h.at >= ${filters.from.toISOString()}::timestamptz`);
  if (filters.to) where.push(sql`h.at < ${filters.to.toISOString()}::timestamptz`);
  const outer: SQL[] = [sql`true`];
  if (filters.teamId) outer.push(sql`team_id = ${filters.teamId}::uuid`);
  if (filters.repId) outer.push(sql`rep_id = ${filters.repId}::uuid`);
  if (filters.source) outer.push(sql`source = ${filters.source}::text`);
  return sql`
    select * from (
      select m.*, o.*, least(o.recycled_at, o.disqualified_at, o.lost_at) as closed_at, ${owner ? sql`a.rep_id, a.team_id` : sql`null::uuid as rep_id, null::uuid as team_id`}
      from (
        select h.id as transition_id, h.lead_id, h.at as mql_at, h.score_total, h.score_fit, h.score_engagement,
               h.model_version, l.source, l.country,
               lead(h.at) over (partition by h.lead_id order by h.at, h.id) as next_mql_at
        from lead_transitions h join leads l on l.id = h.lead_id
        where ${sql.join(where, sql` and `)}
      ) m
      left join lateral (
        select min(s.at) filter (where s.to_stage in (${stageList(STAGES_FROM.accepted)})) as accepted_at,
               min(s.at) filter (where s.to_stage in (${stageList(STAGES_FROM.qualified)})) as qualified_at,
               min(s.at) filter (where s.to_stage in (${stageList(STAGES_FROM.opportunity)})) as opportunity_at,
               min(s.at) filter (where s.to_stage in (${stageList(STAGES_FROM.won)})) as won_at,
               min(s.at) filter (where s.to_stage = 'recycled') as recycled_at,
               min(s.at) filter (where s.to_stage = 'disqualified') as disqualified_at,
               min(s.at) filter (where s.to_stage = 'lost') as lost_at
        from lead_transitions s
        where s.lead_id = m.lead_id and (s.at, s.id) > (m.mql_at, m.transition_id)
          and s.at <= ${nowSql} and (m.next_mql_at is null or s.at < m.next_mql_at)
      ) o on true
      ${
        owner
          ? sql`left join lateral (
        select a.user_id as rep_id, a.team_id from assignments a
        where a.lead_id = m.lead_id
          and a.at <= coalesce(least(o.accepted_at, o.recycled_at, o.disqualified_at), ${nowSql})
        order by a.at desc, a.id desc limit 1
      ) a on true`
          : sql``
      }
    ) handoffs
    where ${sql.join(outer, sql` and `)}`;
}

/**
 * Whether a handoff's outcome for `target` is known, and whether it was reached: reached, or
 * closed (recycled / disqualified) without reaching it, or still open `windowDays` after the
 * handoff (counted as not reached). Expressions over the columns of `mqlOutcomesSql`.
 */
export function outcomeSql(
  target: OutcomeTarget,
  windowDays: number,
  now: Date,
): { decided: SQL; positive: SQL } {
  const reached = sql.raw(REACHED_COLUMN[target]);
  const cutoff = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  return {
    positive: sql`(${reached} is not null)`,
    decided: sql`(${reached} is not null or closed_at is not null or mql_at < ${cutoff}::timestamptz)`,
  };
}

/**
 * When outcomes for `target` start being recorded: the first transition into its stages. Handoffs
 * before it have no known outcome (an import that starts tracking deals late, say) and are left out
 * of calibration and the threshold assistant, with a note saying so — except history brought by a
 * CSV import, whose outcomes are known from its first step. Training learns from every decided
 * handoff.
 */
export function outcomesRecordedSinceSql(target: OutcomeTarget): SQL {
  // A CSV import brings each lead's history with what became of it (data.imported): its handoffs'
  // outcomes are known from the first imported step, however late the first win.
  return sql`select least(min(at) filter (where to_stage in (${stageList(STAGES_FROM[target])})),
                          min(at) filter (where data ? 'imported')) as since
             from lead_transitions where to_stage in (${stageList(STAGES_FROM[target])}) or data ? 'imported'`;
}

/** `outcomesRecordedSinceSql` read: the first recorded outcome of `target`, or null when none yet. */
export async function outcomesRecordedSince(
  db: Queryable,
  target: OutcomeTarget,
): Promise<Date | null> {
  const [row] = await queryRows<{ since: Date | string | null }>(
    db,
    outcomesRecordedSinceSql(target),
  );
  return row?.since ? new Date(row.since) : null;
}
