"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PredictiveSummary } from "@/lib/client/queries/reports";
import { Kpi } from "./chart-frame";
import { attributeLabel } from "./feature-label";
import { FlaggedAttributes } from "./flagged-attributes";
import { useFormat } from "./format";
import { ModelCalibrationChart } from "./model-calibration-chart";
import { ModelWeightsChart } from "./model-weights-chart";

/** A trained model: how well it separates (AUC), on how much data, its calibration and weights. */
export function ReadyModel({
  model,
  trainButton,
  flaggedActions,
}: {
  model: PredictiveSummary;
  trainButton: ReactNode;
  /** A manager may include a flagged attribute (or leave it out again), then it retrains. */
  flaggedActions: { canInclude: boolean; busy: boolean; retrain: () => void };
}) {
  const t = useTranslations("reports.predictive");
  const tr = useTranslations("reports");
  const tp = useTranslations("prediction");
  const f = useFormat();
  const auc = model.auc ?? 0;
  const calibration = model.calibration.filter((c) => c.count > 0);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Kpi
          label={t("auc")}
          value={f.dec(model.auc)}
          tone={model.tooGood ? "amber" : auc >= 0.75 ? "green" : auc >= 0.65 ? "amber" : "red"}
          hint={t("folds", { folds: model.foldAucs.map((a) => f.dec(a)).join(" · ") })}
          testId="predictive-auc"
        />
        <Kpi
          label={t("decided")}
          value={f.n(model.decided)}
          hint={t("positives", {
            count: f.n(model.positives),
            stage: tr(`stages.${model.target}`),
          })}
        />
        <Kpi label={t("trainedAt")} value={f.date(model.trainedAt)} />
        <Kpi label={t("since")} value={model.since ? f.date(model.since) : t("allHistory")} />
      </div>
      <p className="text-sm text-slate-600" data-testid="predictive-verdict">
        {model.tooGood
          ? t("tooGood")
          : t(auc >= 0.75 ? "aucGood" : auc >= 0.65 ? "aucFair" : "aucWeak")}
      </p>
      {(model.flagged ?? []).length > 0 && (
        <FlaggedAttributes
          flagged={model.flagged!}
          canInclude={flaggedActions.canInclude}
          busy={flaggedActions.busy}
          retrain={flaggedActions.retrain}
        />
      )}
      {(model.dropped ?? []).length > 0 && (
        <p className="text-xs text-slate-500" data-testid="predictive-dropped">
          {t("droppedList", {
            title: t("droppedTitle"),
            list: model
              .dropped!.map(
                (d) => `${attributeLabel(tp, d.field, d.label)} (${t(`drop_${d.reason}`)})`,
              )
              .join(", "),
          })}
        </p>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <ModelCalibrationChart calibration={calibration} />
        <ModelWeightsChart coefficients={model.coefficients} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {trainButton}
        <p className="text-xs text-slate-500">{t("schedule")}</p>
      </div>
    </div>
  );
}
