import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RuleEditor } from "@/components/rules/rule-editor";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { editorState } from "@/lib/domain/scoring/editor-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("rules") };
}

export default async function RulesPage() {
  const actor = await requirePagePermission("rules:read");
  const { active, draft } = await editorState(await getDb());
  return (
    <RuleEditor canWrite={can(actor.role, "rules:write")} active={active} initialDraft={draft} />
  );
}
