"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { JobProgress } from "@/components/ui/job-progress";
import { recalibrationQueries } from "@/lib/client/queries/reports";
import { ChartFrame } from "./chart-frame";
import { useFormat } from "./format";
import { ReadyModel } from "./ready-model";
import { SuggestionsPanel } from "./suggestions-panel";
import { useTrain } from "./use-reports";

/** The logistic regression behind the predictive score: its held-out AUC, calibration, weights. */
export function PredictivePanel({ canTrain, canDraft }: { canTrain: boolean; canDraft: boolean }) {
  const t = useTranslations("reports.predictive");
  const tr = useTranslations("reports");
  const f = useFormat();
  const { data, isLoading, error } = useQuery(recalibrationQueries.predictive());
  const train = useTrain();
  const trainButton = canTrain && (
    <Button
      variant="secondary"
      onClick={() => train.mutate()}
      disabled={train.running}
      data-testid="train"
    >
      {train.running ? t("training") : t("train")}
    </Button>
  );
  return (
    <div className="space-y-5">
      <ChartFrame
        id="predictive"
        testId="predictive-panel"
        title={t("title")}
        description={t("description")}
        loading={isLoading || train.isPending}
        error={error ?? train.error}
      >
        {train.job && <JobProgress job={train.job} label={t("training")} />}
        {train.jobFailed && (
          <p role="alert" className="text-sm text-rose-700">
            {t("trainFailed", { error: train.jobFailed.error ?? "" })}
          </p>
        )}
        {!isLoading && !data && (
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-600">{t("none")}</p>
            {trainButton}
          </div>
        )}
        {data?.status === "insufficient" && (
          <div className="space-y-2" data-testid="predictive-insufficient">
            <p className="text-sm text-slate-700">
              {t("insufficient", {
                decided: f.n(data.decided),
                minDecided: f.n(data.minimum.decided),
                positives: f.n(data.positives),
                minPositives: f.n(data.minimum.positives),
                stage: tr(`stages.${data.target}`),
              })}
            </p>
            {trainButton}
          </div>
        )}
        {data?.status === "ready" && (
          <ReadyModel
            model={data}
            trainButton={trainButton}
            flaggedActions={{
              canInclude: canTrain,
              busy: train.running,
              retrain: () => train.mutate(),
            }}
          />
        )}
      </ChartFrame>
      {/* Keyed by model: a retrained model's suggestions start fully picked, not with the last one's picks. */}
      {data?.status === "ready" && (
        <SuggestionsPanel key={data.id} model={data} canDraft={canDraft} />
      )}
    </div>
  );
}
