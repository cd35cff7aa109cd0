import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RuleEditor } from "@/components/rules/rule-editor";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { scoringModelSchema, type ScoringModel } from "@/lib/scoring/model";
import { getActiveModel, getDraft } from "@/lib/scoring/versions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("rules") };
}

export default async function RulesPage() {
  const actor = await requirePagePermission("rules:read");
  const db = await getDb();
  const [active, draft] = await Promise.all([getActiveModel(db), getDraft(db)]);
  // The draft starts as the live model until someone edits it.
  const parsedDraft = draft ? scoringModelSchema.safeParse(draft.document) : null;
  const draftModel: ScoringModel | null = parsedDraft?.success ? parsedDraft.data : (active?.model ?? null);
  return (
    <RuleEditor
      canWrite={can(actor.role, "rules:write")}
      active={active ? { version: active.version, model: active.model, publishedAt: active.publishedAt.toISOString(), authorLabel: active.authorLabel } : null}
      initialDraft={
        draftModel
          ? { model: draftModel, baseVersion: draft?.baseVersion ?? active?.version ?? null, updatedAt: draft?.updatedAt.toISOString() ?? null, updatedBy: draft?.updatedByLabel ?? null, valid: true }
          : null
      }
    />
  );
}
