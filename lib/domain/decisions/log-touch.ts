/**
 * Logging a touch attempt (call, email, meeting, LinkedIn) on a lead the person may act on. The
 * first touch of the current assignment stops the first-touch clock; a first touch after the
 * deadline marks the breach if the sweep has not yet.
 */
import { sql } from "drizzle-orm";
import { auditLog, touches, type Touch } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { lockLeadFor, requireStage, type LeadActionArgs } from "./lead-access";
import { touchInputSchema } from "./schemas";

export type TouchView = {
  id: number;
  userId: string | null;
  at: string;
  channel: Touch["channel"];
  outcome: Touch["outcome"];
  note: string | null;
};

export const touchView = (t: Touch): TouchView => ({
  id: t.id,
  userId: t.userId,
  at: t.at.toISOString(),
  channel: t.channel,
  outcome: t.outcome,
  note: t.note,
});

export async function logTouch({
  db,
  actor,
  leadId,
  input,
  now = new Date(),
}: LeadActionArgs): Promise<TouchView> {
  assertCan(actor, "leads:decide");
  const data = parseInput(touchInputSchema, input);
  const at = data.at ? new Date(data.at) : now;
  if (at.getTime() > now.getTime() + 60_000)
    throw new AppError("unprocessable", "A touch cannot be logged in the future.", {
      at: ["Give a time that has already passed."],
    });
  return db.transaction(async (tx) => {
    const lead = await lockLeadFor(tx, actor, leadId);
    requireStage(lead, ["mql", "sal", "sql"], "touched");
    const [row] = await tx
      .insert(touches)
      .values({
        leadId: lead.id,
        userId: actor.id,
        at,
        channel: data.channel,
        outcome: data.outcome,
        note: data.note || null,
      })
      .returning();
    const when = sql`${at.toISOString()}::timestamptz`;
    await tx.execute(sql`
      update sla_clocks set
        first_touch_at = ${when},
        breached_first_touch_at = coalesce(breached_first_touch_at, case when ${when} > first_touch_due then ${now.toISOString()}::timestamptz end)
      where lead_id = ${lead.id} and closed_at is null and started_at <= ${when} and (first_touch_at is null or first_touch_at > ${when})`);
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: actor.id,
      action: "lead.touched",
      targetType: "lead",
      targetId: lead.id,
      data: { touchId: row.id, channel: data.channel, outcome: data.outcome },
    });
    return touchView(row);
  });
}
