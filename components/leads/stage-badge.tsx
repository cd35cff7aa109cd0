import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { LifecycleStage } from "@/lib/shared/vocabulary";

const TONE: Record<LifecycleStage, BadgeTone> = {
  subscriber: "slate",
  lead: "blue",
  mql: "indigo",
  sal: "violet",
  sql: "violet",
  opportunity: "amber",
  customer: "green",
  recycled: "slate",
  disqualified: "red",
  lost: "red",
};

export function StageBadge({ stage }: { stage: LifecycleStage }) {
  const t = useTranslations("stages");
  return <Badge tone={TONE[stage]}>{t(stage)}</Badge>;
}
