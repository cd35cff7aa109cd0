"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Select } from "@/components/ui/field";
import type { FunnelReport, StageCounts } from "@/lib/client/queries/reports";
import { SPLITS, type Split } from "@/lib/domain/reports/types";
import { ChartFrame, DataTable } from "./chart-frame";
import { useFormat } from "./format";
import { rate, STAGE_KEYS, type StageKey } from "./funnel-stages";

/** The target rate per source, team, rep or the like, whichever the person picks to split by. */
export function FunnelSplit({
  data,
  targetKey,
  split,
  onSplit,
  loading,
}: {
  data: FunnelReport;
  targetKey: keyof StageCounts;
  split: Split;
  onSplit: (split: Split) => void;
  loading: boolean;
}) {
  const t = useTranslations("reports.funnel");
  const tr = useTranslations("reports");
  const f = useFormat();
  const stageName = (k: StageKey) => tr(`stages.${k}`);
  const groups = data.groups.map((g) => ({
    ...g,
    label: g.label || tr("none"),
    rate: rate(g, targetKey),
  }));
  return (
    <ChartFrame
      id="split"
      testId="split-panel"
      title={t("splitTitle")}
      loading={loading}
      chart={
        groups.length === 0 ? undefined : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              accessibilityLayer={false}
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
          onChange={(e) => onSplit(e.target.value as Split)}
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
  );
}
