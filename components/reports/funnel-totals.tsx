"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  reportCsvHref,
  type FunnelReport,
  type ReportQuery,
  type StageCounts,
} from "@/lib/client/queries/reports";
import { ChartFrame, DataTable, Kpi } from "./chart-frame";
import { useFormat } from "./format";
import { rate, STAGE_KEYS, type StageKey } from "./funnel-stages";
import { TargetSettings } from "./target-settings";

/** The whole period's funnel: handoffs per stage, each stage's rate, and the target met or missed. */
export function FunnelTotals({
  data,
  targetKey,
  query,
  loading,
  error,
  canWrite,
}: {
  data: FunnelReport;
  targetKey: keyof StageCounts;
  /** The report's query, for the CSV link. */
  query: ReportQuery<"funnel">;
  loading: boolean;
  error: Error | null;
  canWrite: boolean;
}) {
  const t = useTranslations("reports.funnel");
  const tr = useTranslations("reports");
  const f = useFormat();
  const totals = data.totals;
  const stageName = (k: StageKey) => tr(`stages.${k}`);
  const actual = rate(totals, targetKey);
  const stages = STAGE_KEYS.map((k, i) => ({
    stage: stageName(k),
    count: totals[k],
    step: i === 0 ? null : totals[STAGE_KEYS[i - 1]] ? totals[k] / totals[STAGE_KEYS[i - 1]] : null,
  }));
  return (
    <ChartFrame
      id="funnel"
      testId="funnel-panel"
      title={t("title")}
      description={t("description")}
      loading={loading}
      error={error}
      csvHref={reportCsvHref("funnel", query)}
      chart={
        totals.mqls === 0 ? undefined : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              accessibilityLayer={false}
              data={stages}
              layout="vertical"
              margin={{ left: 8, right: 48 }}
            >
              <XAxis type="number" hide />
              <YAxis type="category" dataKey="stage" width={120} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => f.n(Number(v))} />
              <Bar dataKey="count" fill="#4f5bd5" isAnimationActive={false} name={t("handoffs")}>
                <LabelList
                  dataKey="count"
                  position="right"
                  formatter={(v) => f.n(Number(v))}
                  className="fill-slate-700 text-xs"
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <DataTable
          testId="funnel-stages"
          head={[t("stage"), t("handoffs"), t("fromPrevious"), t("fromMql")]}
          rows={stages.map((s, i) => [
            s.stage,
            f.n(s.count),
            f.pct(s.step),
            i === 0 ? "—" : f.pct(totals.mqls ? s.count / totals.mqls : null),
          ])}
        />
      }
    >
      {totals.mqls === 0 ? (
        <p className="text-sm text-slate-600" data-testid="funnel-empty">
          {t("empty")}
        </p>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
            {STAGE_KEYS.map((k, i) => (
              <Kpi
                key={k}
                label={stageName(k)}
                value={i === 0 ? f.n(totals[k]) : f.pct(rate(totals, k))}
                hint={i === 0 ? undefined : f.n(totals[k])}
                testId={`funnel-${k}`}
              />
            ))}
          </div>
          <p className="text-sm" data-testid="funnel-target">
            {actual === null ? null : (
              <span className={actual >= data.target.rate ? "text-emerald-700" : "text-amber-800"}>
                {t(actual >= data.target.rate ? "targetMet" : "targetMissed", {
                  stage: stageName(targetKey),
                  actual: f.pct(actual),
                  target: f.pct(data.target.rate),
                })}
              </span>
            )}
          </p>
        </>
      )}
      {data.outcomesSince && (
        <p className="text-xs text-slate-500">
          {tr("outcomesSince", { date: f.date(data.outcomesSince) })}
        </p>
      )}
      <TargetSettings canWrite={canWrite} />
    </ChartFrame>
  );
}
