/**
 * The evidence behind the threshold designer, aggregated in SQL into whole-point buckets small
 * enough to send to the browser (figures.ts turns them into figures for any candidate threshold):
 * - current scores, per point;
 * - the last 12 weeks replayed from score_history: per week, leads whose highest score so far rose,
 *   from what to what (a lead "crosses" T in the week its running maximum first reaches T);
 * - past handoffs by handoff score, with the first sales outcome after each (SQL or beyond counts
 *   as converted; recycled or disqualified as not).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { HandoffBucket, ScoreBucket, ThresholdEvidence, Week, WeekMove } from "./figures";

export const REPLAY_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

/** Monday 00:00 UTC of the week `now` falls in, minus `weeksBack` weeks. */
export function weekStart(now: Date, weeksBack = 0): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000 - weeksBack * WEEK_MS);
}

export async function thresholdEvidence(
  db: Queryable,
  now = new Date(),
): Promise<ThresholdEvidence> {
  const start = weekStart(now, REPLAY_WEEKS - 1);
  const startParam = sql`${start.toISOString()}::timestamptz`;
  const [scores, moves, since, handoffs] = await Promise.all([
    queryRows<ScoreBucket>(
      db,
      sql`select floor(total)::int as score, count(*)::int as leads from lead_scores group by 1 order by 1`,
    ),
    queryRows<{ week: number } & WeekMove>(
      db,
      sql`
      with before as (
        select lead_id, max(total) as top from score_history where at < ${startParam} group by lead_id
      ), weekly as (
        select lead_id, floor(extract(epoch from (at - ${startParam})) / 604800)::int as week, max(total) as top
        from score_history where at >= ${startParam} and at <= ${now.toISOString()}::timestamptz
        group by 1, 2
      ), running as (
        select w.lead_id, w.week, b.top as before_top,
               greatest(b.top, max(w.top) over (partition by w.lead_id order by w.week)) as run_max
        from weekly w left join before b using (lead_id)
      ), stepped as (
        select week, coalesce(lag(run_max) over (partition by lead_id order by week), before_top) as prev, run_max from running
      )
      select week, floor(prev)::int as "from", floor(run_max)::int as "to", count(*)::int as leads
      from stepped
      where prev is null or run_max > prev
      group by 1, 2, 3
      order by 1, 2, 3`,
    ),
    queryRows<{ at: string | null }>(
      db,
      sql`select to_char(min(at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at from score_history`,
    ),
    queryRows<HandoffBucket>(
      db,
      sql`
      select floor(t.score_total)::int as score, count(*)::int as mqls,
             count(o.to_stage)::int as decided,
             count(*) filter (where o.to_stage in ('sql', 'opportunity', 'customer'))::int as converted
      from lead_transitions t
      left join lateral (
        select s.to_stage from lead_transitions s
        where s.lead_id = t.lead_id and (s.at, s.id) > (t.at, t.id)
          and s.to_stage in ('sql', 'opportunity', 'customer', 'recycled', 'disqualified')
        order by s.at, s.id limit 1
      ) o on true
      where t.to_stage = 'mql' and t.score_total is not null
      group by 1 order by 1`,
    ),
  ]);
  const weeks: Week[] = Array.from({ length: REPLAY_WEEKS }, (_, i) => ({
    start: new Date(start.getTime() + i * WEEK_MS).toISOString(),
    moves: [],
  }));
  for (const { week, ...move } of moves) weeks[week]?.moves.push(move);
  const first = since[0]?.at;
  return { scores, weeks, historySince: first ?? null, handoffs };
}
