"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { FunnelReport, StageCounts } from "@/lib/client/queries/reports";
import { ChartFrame, DataTable } from "./chart-frame";
import { useFormat } from "./format";
import { rate, STAGE_KEYS, type StageKey } from "./funnel-stages";

/** Each week's or month's handoffs and how many reached the target stage, against the target rate. */
export function FunnelCohorts({
  data,
  targetKey,
  grain,
  loading,
}: {
  data: FunnelReport;
  targetKey: keyof StageCounts;
  grain: "week" | "month";
  loading: boolean;
}) {
  const t = useTranslations("reports.funnel");
  const tr = useTranslations("reports");
  const f = useFormat();
  const stageName = (k: StageKey) => tr(`stages.${k}`);
  const cohorts = data.cohorts.map((c) => ({
    ...c,
    label: f.cohort(c.cohort, grain),
    rate: rate(c, targetKey),
  }));
  return (
    <ChartFrame
      id="cohorts"
      testId="cohorts-panel"
      title={t("cohortsTitle", { grain: tr(`grain.${grain}`) })}
      description={t("cohortsDescription", {
        stage: stageName(targetKey),
        target: f.pct(data.target.rate),
      })}
      loading={loading}
      chart={
        cohorts.length === 0 ? undefined : (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart accessibilityLayer={false} data={cohorts} margin={{ right: 8 }}>
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
  );
}
