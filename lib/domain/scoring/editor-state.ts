/**
 * What the rule editor and the threshold designer open with: the live model and the draft, where
 * the draft starts as the live model until someone edits it.
 */
import type { Db } from "@/db/client";
import { scoringModelSchema, type ScoringModel } from "./model";
import { getActiveModel, getDraft } from "./versions";

export type ActiveSummary = {
  version: number;
  model: ScoringModel;
  publishedAt: string;
  authorLabel: string;
} | null;
export type DraftState = {
  model: ScoringModel;
  baseVersion: number | null;
  /** The revision the editor saves against (If-Match); 0 while no draft is saved. */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  valid: boolean;
};

export async function editorState(
  db: Db,
): Promise<{ active: ActiveSummary; draft: DraftState | null }> {
  const [active, draft] = await Promise.all([getActiveModel(db), getDraft(db)]);
  const parsed = draft ? scoringModelSchema.safeParse(draft.document) : null;
  const model: ScoringModel | null = parsed?.success ? parsed.data : (active?.model ?? null);
  return {
    active: active
      ? {
          version: active.version,
          model: active.model,
          publishedAt: active.publishedAt.toISOString(),
          authorLabel: active.authorLabel,
        }
      : null,
    draft: model
      ? {
          model,
          baseVersion: draft?.baseVersion ?? active?.version ?? null,
          revision: draft?.revision ?? 0,
          updatedAt: draft?.updatedAt.toISOString() ?? null,
          updatedBy: draft?.updatedByLabel ?? null,
          valid: true,
        }
      : null,
  };
}
