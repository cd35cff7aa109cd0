"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { reasonQueries, type Reason } from "@/lib/client/queries/settings";
import { ReasonList } from "./reason-list";

/** "Reason lists" in Settings: the agreed reject and disqualify reasons, archived ones included. */
export function ReasonsPanel({ initial, editable }: { initial: Reason[]; editable: boolean }) {
  const t = useTranslations("salesSettings.reasons");
  const reasons = useQuery({ ...reasonQueries.withArchived(), initialData: initial }).data;
  return (
    <Card aria-labelledby="reasons-heading" data-testid="reasons-panel">
      <CardHeader
        id="reasons-heading"
        title={t("title")}
        action={editable ? null : <Badge tone="slate">{t("readOnly")}</Badge>}
      />
      <p className="max-w-3xl px-4 py-4 text-sm text-slate-600 sm:px-5">{t("intro")}</p>
      <ReasonList
        kind="reject"
        reasons={reasons.filter((r) => r.kind === "reject")}
        editable={editable}
      />
      <ReasonList
        kind="disqualify"
        reasons={reasons.filter((r) => r.kind === "disqualify")}
        editable={editable}
      />
    </Card>
  );
}
