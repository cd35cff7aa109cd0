/**
 * Assigns newly handed-over MQLs to reps (routeMqls decides; this reads the state and writes the
 * result). The teams concerned are locked in a fixed order first, so concurrent handoffs into the
 * same team take turns: the cursor and the reps' open counts are read after the lock. Each
 * assignment starts the lead's SLA clock in the rep's business hours.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { startClocks } from "@/lib/domain/sla/clocks";
import { routeMqls, type Assignment, type Mql, type TeamState } from "./round-robin";

export type Actor = { actorType: "system" | "user" | "api_key"; actorId: string | null };

export async function assignMqls(
  tx: Queryable,
  mqls: Mql[],
  now: Date,
  actor: Actor = { actorType: "system", actorId: null },
): Promise<Assignment[]> {
  if (!mqls.length) return [];
  const territories = new Map(
    (
      await queryRows<{ country: string; team_id: string }>(
        tx,
        sql`select country, team_id from team_territories`,
      )
    ).map((t) => [t.country, t.team_id]),
  );
  const teamIds = [
    ...new Set(
      mqls
        .map((m) => (m.country ? territories.get(m.country.toUpperCase()) : undefined))
        .filter((t): t is string => Boolean(t)),
    ),
  ].sort();
  const teams = new Map<string, TeamState>();
  if (teamIds.length) {
    const locked = await queryRows<{ id: string; routing_cursor: number }>(
      tx,
      sql`select id, routing_cursor from teams where id = any(${arrayParam(teamIds, "uuid")}) order by id for update`,
    );
    const reps = await queryRows<{
      id: string;
      team_id: string;
      capacity: number;
      available: boolean;
      open: number;
    }>(
      tx,
      sql`select u.id, u.team_id, u.capacity,
                 (u.active and (u.away_until is null or u.away_until <= ${now.toISOString()}::timestamptz)) as available,
                 (select count(*)::int from leads l where l.owner_id = u.id and l.lifecycle_stage = 'mql') as open
          from users u where u.team_id = any(${arrayParam(teamIds, "uuid")}) and u.role = 'rep'`,
    );
    for (const team of locked) {
      teams.set(team.id, {
        id: team.id,
        cursor: team.routing_cursor,
        reps: reps
          .filter((r) => r.team_id === team.id)
          .map((r) => ({ id: r.id, capacity: r.capacity, open: r.open, available: r.available })),
      });
    }
  }
  const { assignments, cursors } = routeMqls(mqls, territories, teams);
  const at = sql`${now.toISOString()}::timestamptz`;
  const assigned = assignments.filter((a) => a.userId);
  if (assigned.length) {
    await tx.execute(sql`
      update leads set owner_id = a.user_id
      from unnest(${arrayParam(
        assigned.map((a) => a.leadId),
        "uuid",
      )}, ${arrayParam(
        assigned.map((a) => a.userId!),
        "uuid",
      )}) as a(lead_id, user_id)
      where leads.id = a.lead_id`);
  }
  await tx.execute(sql`
    insert into assignments (lead_id, at, user_id, team_id, reason, actor_type, actor_id)
    select a.lead_id, ${at}, a.user_id, a.team_id, a.reason, ${actor.actorType}::text, ${actor.actorId}::text
    from unnest(${arrayParam(
      assignments.map((a) => a.leadId),
      "uuid",
    )}, ${arrayParam(
      assignments.map((a) => a.userId ?? ""),
      "text",
    )}, ${arrayParam(
      assignments.map((a) => a.teamId ?? ""),
      "text",
    )}, ${arrayParam(
      assignments.map((a) => a.reason),
      "text",
    )})
      as x(lead_id, user_text, team_text, reason)
    cross join lateral (select nullif(x.user_text, '')::uuid as user_id, nullif(x.team_text, '')::uuid as team_id, x.lead_id, x.reason) a`);
  if (cursors.size) {
    await tx.execute(sql`
      update teams set routing_cursor = c.cursor
      from unnest(${arrayParam([...cursors.keys()], "uuid")}, ${arrayParam([...cursors.values()], "numeric")}::int[]) as c(id, cursor)
      where teams.id = c.id`);
  }
  await startClocks(tx, assignments, now);
  return assignments;
}
