"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Select } from "@/components/ui/field";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import {
  SPLITS,
  type FunnelReport,
  type Split,
  type StageCounts,
} from "@/lib/domain/reports/types";
import { ChartFrame, DataTable, Kpi } from "./chart-frame";
import { useFormat } from "./format";
import { TargetSettings } from "./target-settings";
import { reportUrl, useReport } from "./use-reports";

export const STAGE_KEYS = ["mqls", "accepted", "qualified", "opportunity", "won"] as const;
const TARGET_KEY: Record<OutcomeTarget, keyof StageCounts> = {
  accepted: "accepted",
  qualified: "qualified",
  opportunity: "opportunity",
  won: "won",
};
const rate = (c: StageCounts, key: keyof StageCounts) => (c.mqls ? c[key] / c.mqls : null);

export function FunnelPanel({ params, canWrite }: { params: URLSearchParams; canWrite: boolean }) {
  const t = useTranslations("reports.funnel");
  const tr = useTranslations("reports");
  const f = useFormat();
  const [split, setSplit] = useState<Split>("source");
  const withSplit = new URLSearchParams([...params, ["split", split]]);
  const { data, isLoading, isFetching, error } = useReport<FunnelReport>("funnel", withSplit);
  const grain = (params.get("grain") as "week" | "month") ?? "week";

  if (!data) return <ChartFrame id="funnel" title={t("title")} loading={isLoading} error={error} />;
  const targetKey = TARGET_KEY[data.target.stage];
  const totals = data.totals;
  const stageName = (k: (typeof STAGE_KEYS)[number]) => tr(`stages.${k}`);
  const actual = rate(totals, targetKey);
  const stages = STAGE_KEYS.map((k, i) => ({
    stage: stageName(k),
    count: totals[k],
    step: i === 0 ? null : totals[STAGE_KEYS[i - 1]] ? totals[k] / totals[STAGE_KEYS[i - 1]] : null,
  }));
  const cohorts = data.cohorts.map((c) => ({
    ...c,
    label: f.cohort(c.cohort, grain),
    rate: rate(c, targetKey),
  }));
  const groups = data.groups.map((g) => ({
    ...g,
    label: g.label || tr("none"),
    rate: rate(g, targetKey),
  }));

  return (
    <div className="space-y-5">
      <ChartFrame
        id="funnel"
        testId="funnel-panel"
        title={t("title")}
        description={t("description")}
        loading={isFetching}
        error={error}
        csvHref={reportUrl("funnel", withSplit, "csv")}
        chart={
          totals.mqls === 0 ? undefined : (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={stages} layout="vertical" margin={{ left: 8, right: 48 }}>
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
                <span
                  className={actual >= data.target.rate ? "text-emerald-700" : "text-amber-800"}
                >
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

      <ChartFrame
        id="cohorts"
        testId="cohorts-panel"
        title={t("cohortsTitle", { grain: tr(`grain.${grain}`) })}
        description={t("cohortsDescription", {
          stage: stageName(targetKey),
          target: f.pct(data.target.rate),
        })}
        loading={isFetching}
        chart={
          cohorts.length === 0 ? undefined : (
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={cohorts} margin={{ right: 8 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
                <YAxis yAxisId="n" tick={{ fontSize: 11 }} width={40} />
                <YAxis
                  yAxisId="r"
                  orientation="right"
                  tickFormatter={(v) => f.pct(Number(v))}
                  tick={{ fontSize: 11 }}
                  width={48}
                  domain={[0, (max: number) => Math.max(max, data.target.rate * 1.2)]}
                />
                <Tooltip
                  formatter={(v, name) =>
                    name === t("rateTo", { stage: stageName(targetKey) })
                      ? f.pct(Number(v))
                      : f.n(Number(v))
                  }
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar
                  yAxisId="n"
                  dataKey="mqls"
                  name={stageName("mqls")}
                  fill="#c7d2fe"
                  isAnimationActive={false}
                />
                <Bar
                  yAxisId="n"
                  dataKey={targetKey}
                  name={stageName(targetKey)}
                  fill="#4f5bd5"
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="r"
                  dataKey="rate"
                  name={t("rateTo", { stage: stageName(targetKey) })}
                  stroke="#059669"
                  strokeWidth={2}
                  dot={false}
                  connectNulls
                  isAnimationActive={false}
                />
                <ReferenceLine
                  yAxisId="r"
                  y={data.target.rate}
                  stroke="#d97706"
                  strokeDasharray="4 3"
                  label={{
                    value: t("target"),
                    position: "insideTopRight",
                    fontSize: 11,
                    fill: "#b45309",
                  }}
                />
              </ComposedChart>
            </ResponsiveContainer>
          )
        }
        table={
          <DataTable
            testId="cohorts-table"
            head={[
              t("cohort"),
              ...STAGE_KEYS.map(stageName),
              t("rateTo", { stage: stageName(targetKey) }),
            ]}
            rows={cohorts.map((c) => [c.label, ...STAGE_KEYS.map((k) => f.n(c[k])), f.pct(c.rate)])}
          />
        }
      />

      <ChartFrame
        id="split"
        testId="split-panel"
        title={t("splitTitle")}
        loading={isFetching}
        chart={
          groups.length === 0 ? undefined : (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={groups.slice(0, 12)}
                layout="vertical"
                margin={{ left: 8, right: 40 }}
              >
                <XAxis
                  type="number"
                  tickFormatter={(v) => f.pct(Number(v))}
                  tick={{ fontSize: 11 }}
                />
                <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v) => f.pct(Number(v))} />
                <ReferenceLine x={data.target.rate} stroke="#d97706" strokeDasharray="4 3" />
                <Bar
                  dataKey="rate"
                  name={t("rateTo", { stage: stageName(targetKey) })}
                  fill="#4f5bd5"
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          )
        }
        table={
          <DataTable
            testId="split-table"
            head={[
              tr(`split.${split}`),
              ...STAGE_KEYS.map(stageName),
              t("rateTo", { stage: stageName(targetKey) }),
            ]}
            rows={groups.map((g) => [g.label, ...STAGE_KEYS.map((k) => f.n(g[k])), f.pct(g.rate)])}
          />
        }
      >
        <label className="flex max-w-xs items-center gap-2 text-sm text-slate-700">
          <span className="shrink-0">{t("splitBy")}</span>
          <Select
            value={split}
            onChange={(e) => setSplit(e.target.value as Split)}
            data-testid="split-select"
          >
            {SPLITS.filter((s) => s !== "none").map((s) => (
              <option key={s} value={s}>
                {tr(`split.${s}`)}
              </option>
            ))}
          </Select>
        </label>
      </ChartFrame>
    </div>
  );
}
