import { diffModels } from "@/lib/domain/scoring/diff";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import type { RuleStatus } from "./rule-list";

export type ModelComparison = {
  changes: number;
  draftStatus: Map<string, RuleStatus>;
  activeStatus: Map<string, RuleStatus>;
};

/** How the draft differs from the live model: the count shown, and each rule's marker on both sides. */
export function compareModels(draft: ScoringModel, active: ScoringModel | null): ModelComparison {
  const draftStatus = new Map<string, RuleStatus>();
  const activeStatus = new Map<string, RuleStatus>();
  if (!active) {
    for (const r of draft.rules) draftStatus.set(r.id, "new");
    return { changes: draft.rules.length, draftStatus, activeStatus };
  }
  const diff = diffModels(active, draft);
  for (const r of diff.rules.added) draftStatus.set(r.id, "new");
  for (const r of diff.rules.removed) activeStatus.set(r.id, "removed");
  for (const c of diff.rules.changed) {
    draftStatus.set(c.id, "changed");
    activeStatus.set(c.id, "changed");
  }
  const changes =
    diff.rules.added.length +
    diff.rules.removed.length +
    diff.rules.changed.length +
    diff.settings.length;
  return { changes, draftStatus, activeStatus };
}
