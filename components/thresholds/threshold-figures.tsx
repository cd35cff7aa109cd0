"use client";

/** What the candidate threshold means, recomputed on every drag step from the evidence. */
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import { cn } from "@/components/ui/cn";
import type { ThresholdEvidence } from "@/lib/client/queries/scoring";
import {
  conversionAtOrAbove,
  leadsAtOrAbove,
  MIN_DECIDED,
  MIN_HISTORY_WEEKS,
  mqlsPerWeek,
  weeksCovered,
} from "@/lib/domain/thresholds/figures";

function Figure({
  label,
  children,
  testId,
  className,
}: {
  label: string;
  children: ReactNode;
  testId: string;
  className?: string;
}) {
  return (
    <div
      className={cn("rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200", className)}
      data-testid={testId}
    >
      <p className="text-xs font-medium text-slate-500">{label}</p>
      {children}
    </div>
  );
}

export function ThresholdFigures({
  evidence,
  threshold,
  handoffs,
  handoffsLoading,
}: {
  evidence: ThresholdEvidence;
  threshold: number;
  handoffs: number | null;
  handoffsLoading: boolean;
}) {
  const t = useTranslations("thresholds.figures");
  const tr = useTranslations("reports");
  const stage = tr(`stages.${evidence.target}`);
  const locale = useLocale();
  const format = useFormatter();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const total = evidence.scores.reduce((s, b) => s + b.leads, 0);
  const above = leadsAtOrAbove(evidence.scores, threshold);
  const weeks = mqlsPerWeek(evidence.weeks, threshold);
  const covered = weeksCovered(evidence);
  const counted = weeks.slice(weeks.length - covered);
  const perWeek = counted.length ? counted.reduce((s, w) => s + w.mqls, 0) / counted.length : 0;
  const conversion = conversionAtOrAbove(evidence.handoffs, threshold);
  const pct = (v: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(v);

  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Figure label={t("above", { threshold: n(threshold) })} testId="figure-above">
          <p
            className="text-2xl font-semibold text-slate-900 tabular-nums"
            data-testid="figure-above-value"
          >
            {n(above)}
          </p>
          <p className="text-xs text-slate-500">
            {t("aboveShare", { share: pct(total ? above / total : 0), total: n(total) })}
          </p>
        </Figure>
        <Figure label={t("handoffs")} testId="figure-handoffs">
          <p
            className={cn(
              "text-2xl font-semibold tabular-nums",
              handoffsLoading ? "text-slate-500" : "text-slate-900",
            )}
            data-testid="figure-handoffs-value"
            aria-busy={handoffsLoading}
          >
            {handoffs === null ? "…" : n(handoffs)}
          </p>
          <p className="text-xs text-slate-500">{t("handoffsHint")}</p>
        </Figure>
        <Figure label={t("weekly")} testId="figure-weekly">
          {covered < MIN_HISTORY_WEEKS ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="figure-weekly-empty">
              {evidence.historySince
                ? t("weeklyShort", { weeks: covered, min: MIN_HISTORY_WEEKS })
                : t("weeklyNone")}
            </p>
          ) : (
            <>
              <p
                className="text-2xl font-semibold text-slate-900 tabular-nums"
                data-testid="figure-weekly-value"
              >
                {t("perWeek", {
                  value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
                    perWeek,
                  ),
                })}
              </p>
              <div className="h-12" aria-hidden>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart
                    accessibilityLayer={false}
                    data={weeks.map((w) => ({
                      week: format.dateTime(new Date(w.start), { day: "numeric", month: "short" }),
                      leads: w.mqls,
                    }))}
                    margin={{ top: 4, right: 0, bottom: 0, left: 0 }}
                  >
                    <XAxis dataKey="week" hide />
                    <Tooltip
                      cursor={{ fill: "#f1f5f9" }}
                      formatter={(v) => [n(Number(v)), t("crossed")]}
                      labelFormatter={(l) => t("weekOf", { week: String(l) })}
                    />
                    <Bar
                      dataKey="leads"
                      fill="#6366f1"
                      radius={[2, 2, 0, 0]}
                      isAnimationActive={false}
                    />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <p className="text-xs text-slate-500">{t("weeklyHint", { weeks: covered })}</p>
            </>
          )}
        </Figure>
        <Figure label={t("conversion", { stage })} testId="figure-conversion">
          {conversion.rate === null ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="figure-conversion-empty">
              {conversion.mqls === 0
                ? t("conversionNone")
                : t("conversionThin", { decided: n(conversion.decided), min: MIN_DECIDED })}
            </p>
          ) : (
            <>
              <p
                className="text-2xl font-semibold text-slate-900 tabular-nums"
                data-testid="figure-conversion-value"
              >
                {pct(conversion.rate)}
              </p>
              <p className="text-xs text-slate-500" data-testid="figure-conversion-sample">
                {t("conversionSample", {
                  stage,
                  converted: n(conversion.converted),
                  decided: n(conversion.decided),
                  open: n(conversion.mqls - conversion.decided),
                })}
              </p>
            </>
          )}
        </Figure>
      </div>
      <p className="text-xs text-slate-500" data-testid="figures-backtest">
        {t("backtest", { model: evidence.model })}
        {evidence.unrecorded ? ` ${t("unrecorded", { count: evidence.unrecorded })}` : ""}
      </p>
    </div>
  );
}
