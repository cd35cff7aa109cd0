/**
 * When a lead becomes an MQL (PRODUCT.md, "Lifecycle"): all at once, its score reaches the MQL
 * threshold; no fit-gate exclusion matches; every required field is known; and its stage allows
 * it — a subscriber or lead; a recycled lead only after the cool-down and with enough new
 * engagement since it was recycled; never a disqualified lead (unless a manager reopens it), never
 * one already with sales. In memory here (explanations, tests); as SQL in eligibility-sql.ts.
 */
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import { matches } from "@/lib/domain/scoring/conditions";
import { seeField, type ScoredLead } from "@/lib/domain/scoring/fields";
import type { FieldCondition, ScoringModel } from "@/lib/domain/scoring/model";

export const HANDOFF_STAGES: LifecycleStage[] = ["subscriber", "lead", "recycled"];

export type LastRecycle = { at: Date; engagement: number } | null;

export type Blocker =
  | { kind: "stage"; stage: LifecycleStage }
  | { kind: "threshold"; total: number; threshold: number }
  | { kind: "fitGate"; condition: FieldCondition }
  | { kind: "missingField"; field: string }
  | { kind: "cooldown"; until: Date }
  | { kind: "newEngagement"; gained: number; needed: number };

export function fitGateExclusions(model: ScoringModel, lead: ScoredLead): FieldCondition[] {
  return model.fitGate.exclude.filter((c) => matches(c, seeField(lead, c.field)));
}

export function missingFields(model: ScoringModel, lead: ScoredLead): string[] {
  return model.requiredFields.filter((f) => seeField(lead, f).text === null);
}

export function mqlBlockers(args: {
  model: ScoringModel;
  lead: ScoredLead;
  stage: LifecycleStage;
  score: { total: number; engagement: number };
  lastRecycle: LastRecycle;
  now: Date;
}): Blocker[] {
  const { model, lead, stage, score, lastRecycle, now } = args;
  const blockers: Blocker[] = [];
  if (!HANDOFF_STAGES.includes(stage)) blockers.push({ kind: "stage", stage });
  if (score.total < model.mqlThreshold)
    blockers.push({ kind: "threshold", total: score.total, threshold: model.mqlThreshold });
  for (const condition of fitGateExclusions(model, lead))
    blockers.push({ kind: "fitGate", condition });
  for (const field of missingFields(model, lead)) blockers.push({ kind: "missingField", field });
  if (stage === "recycled") {
    const since = lastRecycle?.at ?? new Date(0);
    const until = new Date(since.getTime() + model.recycle.cooldownDays * 86_400_000);
    if (until.getTime() > now.getTime()) blockers.push({ kind: "cooldown", until });
    const gained = score.engagement - (lastRecycle?.engagement ?? 0);
    if (gained < model.recycle.minNewEngagement)
      blockers.push({ kind: "newEngagement", gained, needed: model.recycle.minNewEngagement });
  }
  return blockers;
}
