import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ThresholdDesigner } from "@/components/thresholds/threshold-designer";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { editorState } from "@/lib/domain/scoring/editor-state";
import { thresholdEvidence } from "@/lib/domain/thresholds/analysis";
import { appNow } from "@/lib/infra/clock";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("thresholds") };
}

export default async function ThresholdsPage() {
  const actor = await requirePagePermission("thresholds:read");
  const db = await getDb();
  const [{ active, draft }, evidence] = await Promise.all([
    editorState(db),
    thresholdEvidence(db, appNow(), "draft"),
  ]);
  return (
    <ThresholdDesigner
      canWrite={can(actor.role, "thresholds:write")}
      active={active}
      initialDraft={draft}
      initialEvidence={evidence}
    />
  );
}
