/**
 * A lead's place in the lifecycle, for the lead page and the API: its nurture track (by band),
 * what would stop it from becoming an MQL under the live model, and every transition so far.
 */
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import { leadTransitions, type Lead } from "@/db/schema";
import type { ScoredLead } from "@/lib/domain/scoring/fields";
import type { LeadScore } from "@/lib/domain/scoring/lead-score";
import type { FieldCondition } from "@/lib/domain/scoring/model";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { fitGateExclusions, missingFields } from "./eligibility";

export type TransitionView = {
  at: string;
  from: LifecycleStage | null;
  to: LifecycleStage;
  actor: { type: string; id: string | null };
  reason: string;
  note: string | null;
  score: { total: number; fit: number | null; engagement: number | null } | null;
  modelVersion: number | null;
  data: Record<string, unknown>;
};

export type LeadLifecycle = {
  nurtureTrack: string | null;
  fitGate: { passes: boolean; excludedBy: FieldCondition[] } | null;
  missingFields: string[];
  transitions: TransitionView[];
};

export async function listTransitions(db: Queryable, leadId: string): Promise<TransitionView[]> {
  const rows = await db
    .select()
    .from(leadTransitions)
    .where(eq(leadTransitions.leadId, leadId))
    .orderBy(asc(leadTransitions.at), asc(leadTransitions.id));
  return rows.map((r) => ({
    at: r.at.toISOString(),
    from: r.fromStage,
    to: r.toStage,
    actor: { type: r.actorType, id: r.actorId },
    reason: r.reason,
    note: r.note,
    score:
      r.scoreTotal === null
        ? null
        : { total: r.scoreTotal, fit: r.scoreFit, engagement: r.scoreEngagement },
    modelVersion: r.modelVersion,
    data: r.data,
  }));
}

export async function getLeadLifecycle(
  db: Queryable,
  lead: Lead,
  score: LeadScore | null,
): Promise<LeadLifecycle> {
  const [active, transitions] = await Promise.all([
    getActiveModel(db),
    listTransitions(db, lead.id),
  ]);
  if (!active) return { nurtureTrack: null, fitGate: null, missingFields: [], transitions };
  const excludedBy = fitGateExclusions(active.model, lead as ScoredLead);
  return {
    nurtureTrack: score ? (active.model.nurtureTracks[score.band] ?? null) : null,
    fitGate: { passes: excludedBy.length === 0, excludedBy },
    missingFields: missingFields(active.model, lead as ScoredLead),
    transitions,
  };
}
