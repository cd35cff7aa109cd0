/**
 * A manager moves an open MQL or SAL to another rep of their team (an admin: to any rep). The
 * lead's SLA clock restarts in the new rep's business hours; `lead.reassigned` is emitted.
 */
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { assignLead } from "@/lib/domain/routing/assign-lead";
import { emitReassigned } from "@/lib/domain/webhooks/lead-events";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { lockLeadFor, requireStage, type LeadActionArgs } from "./lead-access";
import { assignInputSchema } from "./schemas";

export type ReassignResult = {
  leadId: string;
  owner: { id: string; name: string; teamId: string | null };
};

export async function reassignLead({
  db,
  actor,
  leadId,
  input,
  now = new Date(),
}: LeadActionArgs): Promise<ReassignResult> {
  assertCan(actor, "leads:assign");
  const { repId } = parseInput(assignInputSchema, input);
  return db.transaction(async (tx) => {
    const lead = await lockLeadFor(tx, actor, leadId);
    requireStage(lead, ["mql", "sal"], "reassigned");
    const [rep] = await queryRows<{ id: string; name: string; team_id: string | null }>(
      tx,
      sql`select id, name, team_id from users where id = ${repId} and role = 'rep' and active
          ${actor.role === "admin" ? sql`` : sql`and team_id is not distinct from ${actor.teamId}`}`,
    );
    if (!rep)
      throw new AppError("unprocessable", "Choose an active rep of your team.", {
        repId: ["This person is not an active rep of your team."],
      });
    if (rep.id === lead.ownerId)
      throw new AppError("unprocessable", "The lead already belongs to this rep.", {
        repId: ["Choose another rep."],
      });
    await assignLead(tx, {
      leadId: lead.id,
      userId: rep.id,
      teamId: rep.team_id,
      reason: "manual",
      actor: { actorType: "user", actorId: actor.id },
      now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: actor.id,
      action: "lead.reassigned",
      targetType: "lead",
      targetId: lead.id,
      data: { from: lead.ownerId, to: rep.id },
    });
    await emitReassigned(tx, {
      leadId: lead.id,
      from: lead.ownerId,
      to: rep.id,
      cause: "manual",
      by: actor.id,
      at: now,
    });
    return { leadId: lead.id, owner: { id: rep.id, name: rep.name, teamId: rep.team_id } };
  });
}
