"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { PredictiveSummary } from "@/lib/client/queries/reports";
import { DataTable } from "./chart-frame";
import { featureLabel } from "./feature-label";
import { useFormat } from "./format";

/** The strongest coefficients as bars (green up, red down); every coefficient in the table. */
export function ModelWeightsChart({
  coefficients,
}: {
  coefficients: PredictiveSummary["coefficients"];
}) {
  const t = useTranslations("reports.predictive");
  const tr = useTranslations("reports");
  const tp = useTranslations("prediction");
  const f = useFormat();
  const label = (c: { feature: string; label: string }) => featureLabel(tp, c.feature, c.label);
  const top = [...coefficients]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 12)
    .map((c) => ({ ...c, label: label(c) }));
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">
        {t("weightsTitle")}
      </figcaption>
      <div
        role="img"
        aria-label={t("weightsTitle")}
        style={{ height: Math.max(160, top.length * 22 + 30) }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={top}
            layout="vertical"
            margin={{ left: 8, right: 16 }}
          >
            <XAxis type="number" tick={{ fontSize: 11 }} />
            <YAxis
              type="category"
              dataKey="label"
              width={160}
              tick={{ fontSize: 11 }}
              tickFormatter={(v: string) => (v.length > 26 ? `${v.slice(0, 25)}…` : v)}
            />
            <Tooltip formatter={(v) => f.dec(Number(v))} />
            <ReferenceLine x={0} stroke="#64748b" />
            <Bar dataKey="weight" name={t("weight")} isAnimationActive={false}>
              {top.map((c) => (
                <Cell key={c.feature} fill={c.weight >= 0 ? "#059669" : "#e11d48"} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-600">{tr("showTable")}</summary>
        <DataTable
          head={[t("feature"), t("weight"), t("stdError"), t("support")]}
          rows={coefficients.map((c) => [
            label(c),
            f.dec(c.weight),
            f.dec(c.stdError),
            f.n(c.support),
          ])}
        />
      </details>
    </figure>
  );
}
