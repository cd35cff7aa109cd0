/**
 * The lead a person may act on, locked for the rest of the transaction: a rep only their own
 * leads, a manager their team's leads and the unassigned queue, an admin any lead. Anything else
 * reads as "not found" (never "forbidden"), so ids of other reps' leads leak nothing, and the row
 * lock makes concurrent decisions on one lead take turns (the second sees the first's stage).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/shared/errors";
import { isLeadId } from "@/lib/domain/leads/id";

export type Decider = Pick<Actor, "id" | "role" | "teamId">;

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

/** Which leads (alias `l`, owner alias `o`) this person may act on, as a WHERE clause. */
export function actionableLeads(actor: Decider): SQL {
  switch (actor.role) {
    case "admin":
      return sql`true`;
    case "manager":
      return actor.teamId
        ? sql`(l.owner_id is null or o.team_id = ${actor.teamId})`
        : sql`l.owner_id is null`;
    case "rep":
      return sql`l.owner_id = ${actor.id}`;
    default:
      return sql`false`;
  }
}

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
        where l.id = ${leadId} and ${actionableLeads(actor)}
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
