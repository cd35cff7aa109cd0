import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { featureLabel } from "@/components/reports/feature-label";
import { Card, CardHeader } from "@/components/ui/card";
import type { LeadPredictionView, PredictiveSummary } from "@/lib/domain/predict/types";

/**
 * The predictive score beside the rule score: the regression's probability that this lead
 * reaches the target stage, its largest factors, and how good the model is on leads it has not
 * seen. Below the minimum sample it says so instead of showing a number.
 */
export async function PredictionCard({
  prediction,
  model,
  canReadReports,
}: {
  prediction: LeadPredictionView | null;
  model: PredictiveSummary | null;
  canReadReports: boolean;
}) {
  const t = await getTranslations("prediction");
  const stages = await getTranslations("reports.stages");
  const format = await getFormatter();
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const body = () => {
    if (!model) return <p className="text-sm text-slate-600">{t("noModel")}</p>;
    if (model.status === "insufficient")
      return (
        <p className="text-sm text-slate-600" data-testid="prediction-insufficient">
          {t("insufficient", {
            decided: model.decided,
            minDecided: model.minimum.decided,
            positives: model.positives,
            minPositives: model.minimum.positives,
          })}
        </p>
      );
    if (!prediction) return <p className="text-sm text-slate-600">{t("notScored")}</p>;
    return (
      <div className="space-y-3">
        <div className="flex items-baseline gap-3">
          <p
            className="text-3xl font-semibold text-slate-900 tabular-nums"
            data-testid="prediction-probability"
          >
            {pct(prediction.probability)}
          </p>
          <p className="text-sm text-slate-600">{t("likely", { stage: stages(model.target) })}</p>
        </div>
        <div className="h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
          <div
            className="h-full rounded-full bg-brand-600"
            style={{ width: `${Math.round(prediction.probability * 100)}%` }}
          />
        </div>
        {prediction.factors.length > 0 && (
          <div>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {t("factors")}
            </h3>
            <ul className="space-y-1 text-sm" data-testid="prediction-factors">
              {prediction.factors.map((f) => (
                <li key={f.feature} className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate text-slate-800">
                    {featureLabel(t, f.feature, f.label)}
                  </span>
                  <span className={f.contribution >= 0 ? "text-emerald-700" : "text-rose-700"}>
                    {t(f.contribution >= 0 ? "raises" : "lowers")}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="text-xs text-slate-500">
          {t("basis", {
            auc: format.number(model.auc ?? 0, { maximumFractionDigits: 2 }),
            decided: model.decided,
            date: format.dateTime(new Date(prediction.computedAt), { dateStyle: "medium" }),
          })}{" "}
          {canReadReports && (
            <Link
              href="/reports?tab=recalibration"
              className="font-medium text-brand-700 hover:underline"
            >
              {t("details")}
            </Link>
          )}
        </p>
      </div>
    );
  };
  return (
    <Card aria-labelledby="prediction-heading" data-testid="prediction-card">
      <CardHeader id="prediction-heading" title={t("title")} />
      <div className="px-4 py-4 sm:px-5">{body()}</div>
    </Card>
  );
}
