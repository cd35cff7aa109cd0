/** Each rep's load against capacity: what routing and the manager's reassign menu look at. */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";

export type RepLoad = {
  id: string;
  name: string;
  team: string | null;
  open: number;
  capacity: number;
  away: boolean;
};

export async function repLoads(
  db: Queryable,
  teamId: string | null,
  now = new Date(),
): Promise<RepLoad[]> {
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
