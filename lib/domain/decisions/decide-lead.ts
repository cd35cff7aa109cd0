/**
 * The four decisions on a lead, each checked on the server: the person may act on the lead
 * (lead-access), the lead is at the right stage, the reason is on the active list, and "no
 * response" comes only after the policy's minimum number of touch attempts.
 *   accept      MQL → SAL, with BANT
 *   qualify     SAL → SQL
 *   reject      MQL or SAL → recycled (back to nurture), with a reject reason
 *   disqualify  MQL or SAL → disqualified, with a disqualify reason
 */
import type { LifecycleStage, ReasonKind } from "@/lib/shared/vocabulary";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { AppError } from "@/lib/shared/errors";
import { lockLeadFor, requireStage, type LeadActionArgs } from "./lead-access";
import { minimumTouchesStatus } from "./minimum-touches";
import { activeReason } from "@/lib/domain/reasons/list-reasons";
import { recordDecision, type DecisionView } from "./record-decision";
import { decisionInputSchema, type DecisionInput } from "./schemas";

export type DecideResult = { decision: DecisionView; stage: LifecycleStage };

const RULES: Record<
  DecisionInput["kind"],
  { from: LifecycleStage[]; to: LifecycleStage; verb: string }
> = {
  accept: { from: ["mql"], to: "sal", verb: "accepted" },
  qualify: { from: ["sal"], to: "sql", verb: "qualified" },
  reject: { from: ["mql", "sal"], to: "recycled", verb: "rejected" },
  disqualify: { from: ["mql", "sal"], to: "disqualified", verb: "disqualified" },
};

export async function decideLead({
  db,
  actor,
  leadId,
  input,
  now = new Date(),
}: LeadActionArgs): Promise<DecideResult> {
  assertCan(actor, "leads:decide");
  const parsed = parseInput(decisionInputSchema, input);
  return db.transaction(async (tx) => {
    const lead = await lockLeadFor(tx, actor, leadId);
    const rule = RULES[parsed.kind];
    requireStage(lead, rule.from, rule.verb);
    if (parsed.kind === "reject" || parsed.kind === "disqualify") {
      const reason = await activeReason(tx, parsed.kind as ReasonKind, parsed.reasonCode);
      if (!reason)
        throw new AppError("unprocessable", `Choose a reason from the ${parsed.kind} list.`, {
          reasonCode: [`“${parsed.reasonCode}” is not on the active ${parsed.kind} list.`],
        });
      if (parsed.kind === "reject" && parsed.reasonCode === "no_response") {
        const status = await minimumTouchesStatus(tx, lead.id, {
          fitGrade: lead.fitGrade,
          total: lead.scoreTotal,
        });
        if (status.done < status.required) {
          throw new AppError(
            "unprocessable",
            `“No response” needs at least ${status.required} touch attempts within ${status.windowDays} business days; ${status.done} logged so far.`,
            {
              reasonCode: [
                `Log ${status.required - status.done} more touch attempt${status.required - status.done === 1 ? "" : "s"} before rejecting for no response.`,
              ],
            },
          );
        }
      }
    }
    return recordDecision(tx, {
      actor,
      lead,
      kind: parsed.kind,
      to: rule.to,
      reasonCode: "reasonCode" in parsed ? parsed.reasonCode : null,
      note: parsed.note ?? null,
      bant: parsed.kind === "accept" ? parsed.bant : null,
      now,
    });
  });
}
