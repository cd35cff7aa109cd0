"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { recalibrationQueries } from "@/lib/client/queries/reports";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { AssistantCurveChart, AssistantCurveTable } from "./assistant-curve";
import { AssistantInputs } from "./assistant-inputs";
import { AssistantRecommendation } from "./assistant-recommendation";
import { ChartFrame } from "./chart-frame";
import { useFormat } from "./format";
import { assistantInput, ratePercent } from "./report-defaults";
import { useCreateDraft } from "./use-reports";

/**
 * For a target conversion and the reps' capacity, the threshold to use, backtested on past
 * handoffs, with the whole curve drawn so the choice is visible — and a button that writes it
 * into the draft (never published from here).
 */
export function ThresholdAssistant({
  defaults,
  canDraft,
}: {
  defaults: { target: OutcomeTarget; rate: number };
  canDraft: boolean;
}) {
  const t = useTranslations("reports.assistant");
  const tr = useTranslations("reports");
  const f = useFormat();
  const [target, setTarget] = useState<OutcomeTarget>(defaults.target);
  const [ratePct, setRatePct] = useState(ratePercent(defaults.rate));
  const [capacity, setCapacity] = useState<string>("");
  const [model, setModel] = useState<"live" | "draft">("live");
  const input = assistantInput({ target, ratePct, capacity, model });
  const valid = input !== null;
  const { data, isFetching, error } = useQuery(recalibrationQueries.threshold(input));
  // Here rather than in the recommendation, so the draft's outcome outlives a refetch that hides it.
  const draft = useCreateDraft();
  const rec = data?.recommended ?? null;
  const stage = tr(`stages.${target}`);

  return (
    <ChartFrame
      id="assistant"
      testId="threshold-assistant"
      title={t("title")}
      description={t("description")}
      loading={isFetching}
      error={error}
      chart={
        data && data.curve.length > 0 ? (
          <AssistantCurveChart data={data} stage={stage} />
        ) : undefined
      }
      table={data && <AssistantCurveTable curve={data.curve} stage={stage} />}
    >
      <AssistantInputs
        model={model}
        onModel={setModel}
        target={target}
        onTarget={setTarget}
        ratePct={ratePct}
        onRatePct={setRatePct}
        capacity={capacity}
        onCapacity={setCapacity}
        capacityPlaceholder={data ? f.dec(data.capacityPerWeek) : ""}
      />
      {!valid && <p className="text-sm text-rose-700">{t("invalid")}</p>}
      {data && (
        <>
          {data.reason === "not_enough_data" ? (
            <p className="text-sm text-slate-600" data-testid="assistant-empty">
              {t("notEnough", { decided: f.n(data.decided) })}
            </p>
          ) : (
            rec && (
              <AssistantRecommendation
                data={data}
                rec={rec}
                stage={stage}
                canDraft={canDraft}
                draft={draft}
              />
            )
          )}
          <p className="text-xs text-slate-500" data-testid="assistant-window">
            {t("window", {
              model: data.model,
              weeks: data.weeks,
              date: data.windowEnd ? f.date(data.windowEnd) : "—",
            })}
            {data.unrecorded ? ` ${t("unrecorded", { count: data.unrecorded })}` : ""}
            {data.capacityPerWeek <= 0 ? ` ${t("noCapacity")}` : ""}
          </p>
          <p
            className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200"
            data-testid="selection-bias"
          >
            {t("selectionBias")}{" "}
            {data.outcomesSince ? tr("outcomesSince", { date: f.date(data.outcomesSince) }) : ""}
          </p>
        </>
      )}
    </ChartFrame>
  );
}
