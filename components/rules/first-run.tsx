"use client";

import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { TemplateCards } from "./templates-dialog";

/** Nothing live and no draft yet: the editor starts from a template. */
export function FirstRun({
  canWrite,
  onPick,
}: {
  canWrite: boolean;
  onPick: (model: ScoringModel) => void;
}) {
  const t = useTranslations("editor");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card className="p-5 sm:p-6">
        <h2 className="text-lg font-semibold text-slate-900">{t("templates.firstRunTitle")}</h2>
        <p className="mt-1 mb-5 max-w-2xl text-sm text-slate-600">{t("templates.firstRunBody")}</p>
        {canWrite ? (
          <TemplateCards onPick={onPick} />
        ) : (
          <p className="text-sm text-slate-500">{t("readOnly")}</p>
        )}
      </Card>
    </>
  );
}
