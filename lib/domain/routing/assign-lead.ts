/**
 * One lead to one rep, outside the handoff: a manager's reassignment or an SLA breach. Writes the
 * owner and the assignment row, and restarts the SLA clock in the new rep's business hours.
 * `nextRepOf` picks the next rep of a team's rotation (the same round-robin as routing), skipping
 * the rep the lead is taken from; it locks the team row, so concurrent picks take turns.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { startClocks } from "@/lib/domain/sla/clocks";
import type { Actor } from "./assign-mqls";
import { takeNextRep, type TeamState } from "./round-robin";

export async function assignLead(
  tx: Queryable,
  args: {
    leadId: string;
    userId: string | null;
    teamId: string | null;
    reason: string;
    actor: Actor;
    now: Date;
  },
): Promise<void> {
  const at = args.now.toISOString();
  await tx.execute(
    sql`update leads set owner_id = ${args.userId}, updated_at = ${at}::timestamptz where id = ${args.leadId}`,
  );
  await tx.execute(sql`
    insert into assignments (lead_id, at, user_id, team_id, reason, actor_type, actor_id)
    values (${args.leadId}, ${at}::timestamptz, ${args.userId}, ${args.teamId}, ${args.reason}, ${args.actor.actorType}, ${args.actor.actorId})`);
  await startClocks(
    tx,
    [{ leadId: args.leadId, userId: args.userId, teamId: args.teamId }],
    args.now,
  );
}

export async function nextRepOf(
  tx: Queryable,
  teamId: string,
  exclude: string | null,
  now: Date,
): Promise<string | null> {
  const [team] = await queryRows<{ id: string; routing_cursor: number }>(
    tx,
    sql`select id, routing_cursor from teams where id = ${teamId} for update`,
  );
  if (!team) return null;
  const reps = await queryRows<{ id: string; capacity: number; available: boolean; open: number }>(
    tx,
    sql`select u.id, u.capacity,
               (u.active and (u.away_until is null or u.away_until <= ${now.toISOString()}::timestamptz)) as available,
               (select count(*)::int from leads l where l.owner_id = u.id and l.lifecycle_stage = 'mql') as open
        from users u where u.team_id = ${teamId} and u.role = 'rep' order by u.id`,
  );
  const state: TeamState = {
    id: team.id,
    cursor: team.routing_cursor,
    reps: [...reps].sort((a, b) => a.id.localeCompare(b.id)),
  };
  const rep = takeNextRep(state, exclude);
  if (!rep) return null;
  await tx.execute(sql`update teams set routing_cursor = ${state.cursor} where id = ${teamId}`);
  return rep.id;
}
