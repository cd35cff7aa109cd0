/** The queues routing fills: open MQLs waiting for a rep, and each rep's load against capacity. */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";

export type QueuedMql = { id: string; name: string; company: string | null; country: string | null; total: number | null; grade: string | null; handedOverAt: string | null; reason: string | null };

const mqlColumns = sql`l.id,
  coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.email, l.external_id) as name,
  l.company, l.country, s.total, s.fit_grade || s.engagement_grade as grade,
  (select max(t.at) from lead_transitions t where t.lead_id = l.id and t.to_stage = 'mql') as "handedOverAt"`;

export async function unassignedMqls(db: Queryable, limit = 200): Promise<QueuedMql[]> {
  return queryRows<QueuedMql>(
    db,
    sql`select ${mqlColumns},
          (select a.reason from assignments a where a.lead_id = l.id order by a.at desc, a.id desc limit 1) as reason
        from leads l left join lead_scores s on s.lead_id = l.id
        where l.lifecycle_stage = 'mql' and l.owner_id is null
        order by s.total desc nulls last, l.id limit ${limit}`,
  );
}

export async function openMqlsOf(db: Queryable, userId: string, limit = 200): Promise<QueuedMql[]> {
  return queryRows<QueuedMql>(
    db,
    sql`select ${mqlColumns}, null as reason
        from leads l left join lead_scores s on s.lead_id = l.id
        where l.lifecycle_stage = 'mql' and l.owner_id = ${userId}
        order by s.total desc nulls last, l.id limit ${limit}`,
  );
}

export type RepLoad = { id: string; name: string; team: string | null; open: number; capacity: number; away: boolean };

export async function repLoads(db: Queryable, teamId: string | null, now = new Date()): Promise<RepLoad[]> {
  return queryRows<RepLoad>(
    db,
    sql`select u.id, u.name, t.name as team, u.capacity,
          (select count(*)::int from leads l where l.owner_id = u.id and l.lifecycle_stage = 'mql') as open,
          (u.away_until is not null and u.away_until > ${now.toISOString()}::timestamptz) as away
        from users u left join teams t on t.id = u.team_id
        where u.role = 'rep' and u.active ${teamId ? sql`and u.team_id = ${teamId}` : sql``}
        order by t.name, u.name`,
  );
}
