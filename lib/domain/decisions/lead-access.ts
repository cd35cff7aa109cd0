/**
 * The lead a person may act on, locked for the rest of the transaction: within their lead scope
 * (lib/auth/lead-scope.ts; the use cases check the permission to act). Anything else reads as
 * "not found", and the row lock makes concurrent decisions on one lead take turns (the second
 * sees the first's stage).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import { leadColumns, leadScope } from "@/lib/auth/lead-scope";
import type { Actor } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { isLeadId } from "@/lib/domain/leads/id";

export type Decider = Pick<Actor, "id" | "role" | "teamId">;

/** What every action on one lead (a touch, a decision, a reassignment) is called with. */
export type LeadActionArgs = { db: Db; actor: Decider; leadId: string; input: unknown; now?: Date };

export type LockedLead = {
  id: string;
  stage: LifecycleStage;
  ownerId: string | null;
  ownerTeamId: string | null;
  scoreTotal: number | null;
  scoreFit: number | null;
  scoreEngagement: number | null;
  fitGrade: string | null;
  modelVersion: number | null;
};

export const NOT_FOUND_MESSAGE = "No lead with this id is visible to you.";

export async function lockLeadFor(
  tx: Queryable,
  actor: Decider,
  leadId: string,
): Promise<LockedLead> {
  if (!isLeadId(leadId)) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  const [row] = await queryRows<LockedLead>(
    tx,
    sql`select l.id, l.lifecycle_stage as stage, l.owner_id as "ownerId", o.team_id as "ownerTeamId",
               s.total as "scoreTotal", s.fit as "scoreFit", s.engagement as "scoreEngagement", s.fit_grade as "fitGrade", s.model_version as "modelVersion"
        from leads l
        left join users o on o.id = l.owner_id
        left join lead_scores s on s.lead_id = l.id
        where l.id = ${leadId} and ${leadScope(actor, leadColumns("l"))}
        for update of l`,
  );
  if (!row) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  return row;
}

/** Refuses with a clear message when the lead is not at one of the stages the action needs. */
export function requireStage(
  lead: LockedLead,
  allowed: readonly LifecycleStage[],
  action: string,
): void {
  if (allowed.includes(lead.stage)) return;
  const wanted = allowed.map((s) => s.toUpperCase()).join(" or ");
  throw new AppError(
    "conflict",
    `Only a lead at ${wanted} can be ${action}; this lead is at ${lead.stage.toUpperCase()}.`,
  );
}
