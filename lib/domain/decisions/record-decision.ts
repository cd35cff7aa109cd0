/**
 * What every decision writes, in the caller's transaction: the decision (with the score and the
 * model version at that moment), the lead's new stage, the matching lifecycle transition, the audit
 * row, the webhook event (lead.accepted, .qualified, .rejected or .disqualified) and — for accept,
 * reject and disqualify — the end of the lead's SLA clock.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditLog, decisions, leadTransitions, type Bant } from "@/db/schema";
import type { DecisionKind, LifecycleStage } from "@/lib/shared/vocabulary";
import { closeClocks } from "@/lib/domain/sla/clocks";
import { emitDecision } from "@/lib/domain/webhooks/lead-events";
import type { Decider, LockedLead } from "./lead-access";

const TRANSITION_REASON: Record<DecisionKind, string> = {
  accept: "accepted",
  qualify: "qualified",
  reject: "rejected",
  disqualify: "disqualified",
};

export type DecisionView = {
  id: number;
  kind: DecisionKind;
  reasonCode: string | null;
  note: string | null;
  bant: Bant | null;
  score: { total: number; fit: number | null; engagement: number | null } | null;
  modelVersion: number | null;
  userId: string | null;
  at: string;
};

export async function recordDecision(
  tx: Queryable,
  args: {
    actor: Decider;
    lead: LockedLead;
    kind: DecisionKind;
    to: LifecycleStage;
    reasonCode?: string | null;
    note?: string | null;
    bant?: Bant | null;
    now: Date;
  },
): Promise<{ decision: DecisionView; stage: LifecycleStage }> {
  const { actor, lead, kind, now } = args;
  const [row] = await tx
    .insert(decisions)
    .values({
      leadId: lead.id,
      userId: actor.id,
      kind,
      reasonCode: args.reasonCode ?? null,
      note: args.note || null,
      bant: args.bant ?? null,
      scoreTotal: lead.scoreTotal,
      scoreFit: lead.scoreFit,
      scoreEngagement: lead.scoreEngagement,
      modelVersion: lead.modelVersion,
      at: now,
    })
    .returning();
  await tx.execute(
    sql`update leads set lifecycle_stage = ${args.to}::lifecycle_stage, updated_at = ${now.toISOString()}::timestamptz where id = ${lead.id}`,
  );
  await tx.insert(leadTransitions).values({
    leadId: lead.id,
    at: now,
    fromStage: lead.stage,
    toStage: args.to,
    actorType: "user",
    actorId: actor.id,
    reason: TRANSITION_REASON[kind],
    note: args.note || null,
    scoreTotal: lead.scoreTotal,
    scoreFit: lead.scoreFit,
    scoreEngagement: lead.scoreEngagement,
    modelVersion: lead.modelVersion,
    data: { decisionId: row.id, ...(args.reasonCode ? { reasonCode: args.reasonCode } : {}) },
  });
  await tx.insert(auditLog).values({
    at: now,
    actorType: "user",
    actorId: actor.id,
    action: `lead.${TRANSITION_REASON[kind]}`,
    targetType: "lead",
    targetId: lead.id,
    data: {
      decisionId: row.id,
      from: lead.stage,
      to: args.to,
      reasonCode: args.reasonCode ?? null,
      scoreTotal: lead.scoreTotal,
      modelVersion: lead.modelVersion,
    },
  });
  if (kind !== "qualify") await closeClocks(tx, [lead.id], now, kind);
  await emitDecision(tx, {
    kind,
    leadId: lead.id,
    decision: row,
    reasonCode: args.reasonCode ?? null,
    at: now,
  });
  return { decision: decisionView(row), stage: args.to };
}

export function decisionView(row: typeof decisions.$inferSelect): DecisionView {
  return {
    id: row.id,
    kind: row.kind,
    reasonCode: row.reasonCode,
    note: row.note,
    bant: row.bant,
    score:
      row.scoreTotal === null
        ? null
        : { total: row.scoreTotal, fit: row.scoreFit, engagement: row.scoreEngagement },
    modelVersion: row.modelVersion,
    userId: row.userId,
    at: row.at.toISOString(),
  };
}
