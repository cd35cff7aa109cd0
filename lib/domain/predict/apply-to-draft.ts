/**
 * The recalibration assistant's "write to draft": exactly the changes the marketer picked (a new
 * threshold, new points for some rules, some new rules) applied to the draft — or to the active
 * model when there is no draft — validated as a whole model and saved as the DRAFT. Never
 * published: the marketer reviews it in the rule editor. The note goes to the audit log.
 */
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { parseModelOr422 } from "@/lib/domain/scoring/draft-input";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { getActiveModel, getDraft, saveDraft } from "@/lib/domain/scoring/versions";
import type { DraftChanges } from "./schemas";

export type DraftBy = {
  actorType: "user" | "api_key";
  actorId: string;
  label: string;
  userId: string | null;
};

type RuleDoc = Record<string, unknown> & { id?: unknown; points?: unknown };

export async function applyToDraft(
  db: Db,
  changes: DraftChanges,
  by: DraftBy,
): Promise<{ draft: ScoringModel; changed: string[] }> {
  return db.transaction(async (tx) => {
    const draft = await getDraft(tx, { lock: true });
    const active = draft ? null : await getActiveModel(tx);
    const source = draft?.document ?? active?.model;
    if (!source)
      throw new AppError(
        "not_found",
        "There is no draft and no published model yet to apply suggestions to.",
      );
    const document = structuredClone(source) as Record<string, unknown>;
    const rules: RuleDoc[] = Array.isArray(document.rules) ? (document.rules as RuleDoc[]) : [];
    const changed: string[] = [];
    if (changes.mqlThreshold !== undefined && changes.mqlThreshold !== document.mqlThreshold) {
      changed.push(`mqlThreshold: ${String(document.mqlThreshold)} → ${changes.mqlThreshold}`);
      document.mqlThreshold = changes.mqlThreshold;
    }
    for (const { ruleId, points } of changes.rules ?? []) {
      const rule = rules.find((r) => r.id === ruleId);
      if (!rule)
        throw new AppError(
          "not_found",
          `There is no rule "${ruleId}" in the ${draft ? "draft" : "active model"}.`,
          { rules: [`Unknown rule id "${ruleId}".`] },
        );
      if (rule.points === points) continue;
      changed.push(`rule ${ruleId}: ${String(rule.points)} → ${points} points`);
      rule.points = points;
    }
    for (const rule of changes.newRules ?? []) {
      if (rules.some((r) => r.id === rule.id))
        throw new AppError("conflict", `A rule with id "${rule.id}" is already in the draft.`);
      rules.push({ ...rule });
      changed.push(`new rule ${rule.id}: ${rule.label} (${rule.points} points)`);
    }
    document.rules = rules;
    const model = parseModelOr422(document);
    const saved = await saveDraft(
      tx,
      model,
      { userId: by.userId, label: by.label },
      { baseVersion: draft ? draft.baseVersion : (active?.version ?? null) },
    );
    await tx.insert(auditLog).values({
      actorType: by.actorType,
      actorId: by.actorId,
      action: "model.draft_recalibrated",
      targetType: "model_draft",
      targetId: "1",
      data: { changed, note: changes.note ?? null, baseVersion: saved.baseVersion },
    });
    return { draft: model, changed };
  });
}
