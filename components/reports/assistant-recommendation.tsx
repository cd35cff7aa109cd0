"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ThresholdPoint, ThresholdRecommendation } from "@/lib/client/queries/reports";
import { DraftResult, Kpi } from "./chart-frame";
import { useFormat } from "./format";
import type { useCreateDraft } from "./use-reports";

/** The recommended threshold in a sentence, why, what it changes against the current one, and the draft button. */
export function AssistantRecommendation({
  data,
  rec,
  stage,
  canDraft,
  draft,
}: {
  data: ThresholdRecommendation;
  rec: ThresholdPoint;
  stage: string;
  canDraft: boolean;
  draft: ReturnType<typeof useCreateDraft>;
}) {
  const t = useTranslations("reports.assistant");
  const f = useFormat();
  const cur = data.current;
  const change = (a: number, b: number) => (a ? (b - a) / a : null);
  const sign = (v: number | null) =>
    v === null ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${f.pct(Math.abs(v))}`;
  return (
    <div className="space-y-3">
      <p className="text-base font-medium text-slate-900" data-testid="assistant-summary">
        {cur && rec.threshold !== cur.threshold
          ? t(rec.threshold > cur.threshold ? "raise" : "lower", {
              from: f.dec(cur.threshold),
              to: f.dec(rec.threshold),
              volume: sign(change(cur.mqlsPerWeek, rec.mqlsPerWeek)),
              stage,
              before: f.pct(cur.rate),
              after: f.pct(rec.rate),
            })
          : t("keep", { to: f.dec(rec.threshold), stage, after: f.pct(rec.rate) })}
      </p>
      <p className="text-sm text-slate-600">
        {t(`reason.${data.reason}`, {
          capacity: f.dec(data.capacityPerWeek),
          target: f.pct(data.targetRate),
        })}
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-5">
        <Kpi
          label={t("recommended")}
          value={f.dec(rec.threshold)}
          testId="assistant-threshold"
          tone="green"
        />
        <Kpi
          label={t("volume")}
          value={f.dec(rec.mqlsPerWeek)}
          hint={cur ? t("was", { value: f.dec(cur.mqlsPerWeek) }) : undefined}
        />
        <Kpi
          label={t("rate", { stage })}
          value={f.pct(rec.rate)}
          hint={cur ? t("was", { value: f.pct(cur.rate) }) : undefined}
        />
        <Kpi
          label={t("lost")}
          value={f.n(rec.convertedLost - (cur?.convertedLost ?? 0))}
          hint={t("lostHint", { weeks: data.weeks })}
          tone={rec.convertedLost > (cur?.convertedLost ?? 0) ? "amber" : "slate"}
        />
        <Kpi
          label={t("acceptedLost")}
          value={f.n(rec.acceptedLost - (cur?.acceptedLost ?? 0))}
          hint={t("lostHint", { weeks: data.weeks })}
          tone={rec.acceptedLost > (cur?.acceptedLost ?? 0) ? "amber" : "slate"}
          testId="assistant-accepted-lost"
        />
      </div>
      {canDraft && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            onClick={() =>
              draft.mutate({
                mqlThreshold: rec.threshold,
                note: t("draftNote", { to: rec.threshold }),
              })
            }
            disabled={draft.isPending || (cur !== null && rec.threshold === cur.threshold)}
            data-testid="assistant-draft"
          >
            {t("createDraft", { to: f.dec(rec.threshold) })}
          </Button>
          <DraftResult
            done={draft.isSuccess}
            error={draft.error}
            message={t("draftDone")}
            href="/thresholds"
            linkLabel={t("openDesigner")}
            testId="assistant-draft-done"
          />
        </div>
      )}
    </div>
  );
}
