/**
 * After the rows are in (each batch scored its leads): each imported handoff gets the score the
 * live model gave its lead on its day, and a note says when outcomes start later than handoffs.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { compileScores } from "@/lib/domain/scoring/compile";
import { getActiveModel } from "@/lib/domain/scoring/versions";

/** Each imported handoff gets the score the live model gives its lead as of the handoff's day. */
export async function scoreHandoffs(db: Db, actor: string): Promise<void> {
  const active = await getActiveModel(db);
  if (!active) return;
  const days = await queryRows<{ day: string; ids: string[] }>(
    db,
    sql`select to_char(max(at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as day, array_agg(distinct lead_id::text) as ids
        from lead_transitions where actor_id = ${actor} and to_stage = 'mql' and score_total is null
        group by date_trunc('day', at at time zone 'UTC')`,
  );
  for (const d of days) {
    const scores = compileScores(active.model, { asOf: new Date(d.day), leadIds: d.ids });
    await db.execute(
      sql`update lead_transitions t set score_total = s.total, score_fit = s.fit, score_engagement = s.engagement,
            model_version = ${active.version}::int
          from (${scores}) s
          where t.lead_id = s.lead_id and t.actor_id = ${actor} and t.to_stage = 'mql' and t.score_total is null
            and date_trunc('day', t.at at time zone 'UTC') = date_trunc('day', ${d.day}::timestamptz at time zone 'UTC')`,
    );
  }
}

/** Says when imported outcomes start later than imported handoffs (as the Olist reports do). */
export async function historyNotes(db: Db, actor: string): Promise<string[]> {
  const [row] = await queryRows<{ first_mql: string | null; first_outcome: string | null }>(
    db,
    sql`select min(at) filter (where to_stage = 'mql')::text as first_mql,
               min(at) filter (where to_stage in ('opportunity', 'customer', 'lost'))::text as first_outcome
        from lead_transitions where actor_id = ${actor}`,
  );
  if (!row?.first_mql || !row.first_outcome) return [];
  const gap = new Date(row.first_outcome).getTime() - new Date(row.first_mql).getTime();
  return gap > 90 * 86_400_000
    ? [
        `Outcomes start on ${row.first_outcome.slice(0, 10)}, handoffs on ${row.first_mql.slice(0, 10)}: earlier handoffs count as not converted.`,
      ]
    : [];
}
