/**
 * When a rep leaves (deactivated, or moved to a role that works no inbox), their open MQLs must
 * not wait for someone who will never open them. Each is routed again exactly as a new handoff
 * is — its country's team, round-robin, skipping reps away or at capacity — with a fresh SLA
 * clock; a lead nobody can take joins the unassigned queue, which drains by itself
 * (routing/reroute-unassigned.ts). Leads already accepted (SAL) stay with their owner's record.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { assignMqls } from "@/lib/domain/routing/assign-mqls";
import { emitReassigned } from "@/lib/domain/webhooks/lead-events";

export type Rerouted = { leadId: string; userId: string | null };

export async function rerouteOwnedMqls(
  tx: Queryable,
  args: { userId: string; actorId: string; now: Date },
): Promise<Rerouted[]> {
  // Teams first, then leads: the order routing and the SLA sweep lock them in (no deadlock).
  await tx.execute(
    sql`select t.id from teams t
        where t.id in (
          select tt.team_id from team_territories tt
          join leads l on tt.country = upper(l.country)
          where l.owner_id = ${args.userId} and l.lifecycle_stage = 'mql')
        order by t.id for update`,
  );
  const owned = await queryRows<{ id: string; country: string | null }>(
    tx,
    sql`select id, country from leads
        where owner_id = ${args.userId} and lifecycle_stage = 'mql'
        order by id for update`,
  );
  if (!owned.length) return [];
  const ids = owned.map((l) => l.id);
  // Routing leaves a lead it cannot place with no owner, never with the one who left.
  await tx.execute(
    sql`update leads set owner_id = null where id = any(${arrayParam(ids, "uuid")})`,
  );
  const assignments = await assignMqls(
    tx,
    owned.map((l) => ({ leadId: l.id, country: l.country })),
    args.now,
    { actorType: "user", actorId: args.actorId },
  );
  for (const a of assignments) {
    await emitReassigned(tx, {
      leadId: a.leadId,
      from: args.userId,
      to: a.userId,
      cause: "owner_deactivated",
      by: args.actorId,
      at: args.now,
    });
  }
  return assignments.map((a) => ({ leadId: a.leadId, userId: a.userId }));
}
