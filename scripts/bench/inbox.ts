/**
 * The inbox of a rep with 500 open MQLs: the server time of the inbox query (sorting by SLA
 * urgency, grade, score, recency; top receipt reasons read from what each rule earned, stored with
 * each score in lead_scores.earned). On the demo data it must stay under a second, on the embedded
 * database and on PostgreSQL; among 1,000,000 leads (the big publish run) under 200 ms.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { arrayParam } from "../../db/sql-array";
import { listInbox } from "../../lib/domain/inbox/list-inbox";
import { startClocks } from "../../lib/domain/sla/clocks";
import { timeResult, type Result } from "./report";

/** Gives `rep` open MQLs (the highest-scored plain leads, handed over in the last days) up to `count`. */
export async function topUpOpenMqls(
  db: Db,
  rep: { id: string; team_id: string },
  count: number,
  now: Date,
): Promise<void> {
  const open = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from leads where owner_id = ${rep.id} and lifecycle_stage = 'mql'`,
  );
  const more = Math.max(0, count - open[0].n);
  const ids = (
    await queryRows<{ id: string }>(
      db,
      sql`select l.id from leads l join lead_scores s on s.lead_id = l.id where l.lifecycle_stage in ('lead', 'subscriber') order by s.total desc, l.id limit ${more}`,
    )
  ).map((r) => r.id);
  if (!ids.length) return;
  await db.execute(
    sql`update leads set lifecycle_stage = 'mql', owner_id = ${rep.id} where id = any(${arrayParam(ids, "uuid")})`,
  );
  await db.execute(sql`
    insert into lead_transitions (lead_id, at, from_stage, to_stage, actor_type, reason, score_total, model_version)
    select s.lead_id, ${now.toISOString()}::timestamptz - (row_number() over (order by s.lead_id)) * interval '7 minutes', 'lead', 'mql', 'system', 'threshold_reached', s.total, s.model_version
    from lead_scores s where s.lead_id = any(${arrayParam(ids, "uuid")})`);
  await startClocks(
    db,
    ids.map((leadId) => ({ leadId, userId: rep.id, teamId: rep.team_id })),
    now,
  );
}

export async function inboxBenchmark(
  db: Db,
  id: string,
  now: Date,
  maxMs = 1_000,
): Promise<Result> {
  const [rep] = await queryRows<{ id: string; team_id: string }>(
    db,
    sql`select id, team_id from users where role = 'rep' and team_id is not null order by email limit 1`,
  );
  await topUpOpenMqls(db, rep, 500, now);
  const actor = { id: rep.id, role: "rep" as const, teamId: rep.team_id };
  let best = Infinity;
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    rows = (await listInbox(db, actor, { now })).rows.length;
    best = Math.min(best, performance.now() - t);
  }
  console.log(`  inbox: ${rows} open rows for one rep in ${Math.round(best)} ms`);
  return timeResult(id, best, null, { maxMs });
}
