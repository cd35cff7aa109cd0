/**
 * The unassigned queue drains by itself: MQLs that found no rep (no team covers their country, or
 * every rep was away or at capacity) are routed again as soon as a rep can take them — a rep frees
 * a slot, comes back, a territory is added. Only as many leads as there are free slots are
 * routed, oldest handoff first, so a full team does not fill the assignment history with
 * "team full" rows every minute. Each routed lead gets its SLA clock (assignMqls starts it).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { assignMqls } from "./assign-mqls";
import type { Assignment } from "./round-robin";

export async function rerouteUnassigned(db: Db, now: Date): Promise<{ routed: Assignment[] }> {
  return db.transaction(async (tx) => {
    const at = sql`${now.toISOString()}::timestamptz`;
    // Free slots per team: available reps' capacity minus their open MQLs.
    const candidates = await queryRows<{ id: string; country: string | null }>(
      tx,
      sql`with slots as (
            select u.team_id, sum(greatest(u.capacity - (
                     select count(*) from leads o where o.owner_id = u.id and o.lifecycle_stage = 'mql'), 0))::int as free
            from users u
            where u.role = 'rep' and u.active and u.team_id is not null
              and (u.away_until is null or u.away_until <= ${at})
            group by u.team_id
          ),
          waiting as (
            select l.id, l.country, tt.team_id,
                   row_number() over (partition by tt.team_id order by h.at nulls last, l.id) as place
            from leads l
            join team_territories tt on tt.country = upper(l.country)
            left join lateral (select max(t.at) as at from lead_transitions t where t.lead_id = l.id and t.to_stage = 'mql') h on true
            where l.lifecycle_stage = 'mql' and l.owner_id is null
          )
          select w.id, w.country from waiting w join slots s on s.team_id = w.team_id
          where w.place <= s.free
          order by w.id`,
    );
    if (!candidates.length) return { routed: [] };
    // Lock them and make sure nobody assigned them in the meantime (a manager, a handoff).
    const locked = await queryRows<{ id: string; country: string | null }>(
      tx,
      sql`select id, country from leads
          where id in (${sql.join(
            candidates.map((c) => sql`${c.id}::uuid`),
            sql`, `,
          )})
            and lifecycle_stage = 'mql' and owner_id is null
          order by id for update skip locked`,
    );
    const assignments = await assignMqls(
      tx,
      locked.map((l) => ({ leadId: l.id, country: l.country })),
      now,
    );
    return { routed: assignments.filter((a) => a.userId) };
  });
}
