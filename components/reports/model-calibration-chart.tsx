"use client";

import { useTranslations } from "next-intl";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { PredictiveSummary } from "@/lib/client/queries/reports";
import { DataTable } from "./chart-frame";
import { useFormat } from "./format";

/** Predicted against observed conversion per probability bin, beside the diagonal of perfect calibration. */
export function ModelCalibrationChart({
  calibration,
}: {
  /** Bins with at least one lead. */
  calibration: PredictiveSummary["calibration"];
}) {
  const t = useTranslations("reports.predictive");
  const tr = useTranslations("reports");
  const f = useFormat();
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">
        {t("calibrationTitle")}
      </figcaption>
      <div role="img" aria-label={t("calibrationTitle")} className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={calibration}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              dataKey="predicted"
              type="number"
              domain={[0, 1]}
              tickFormatter={(v) => f.pct(Number(v))}
              tick={{ fontSize: 11 }}
              name={t("predicted")}
            />
            <YAxis
              dataKey="observed"
              type="number"
              domain={[0, 1]}
              tickFormatter={(v) => f.pct(Number(v))}
              tick={{ fontSize: 11 }}
              width={44}
              name={t("observed")}
            />
            <Tooltip formatter={(v) => f.pct(Number(v))} />
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              stroke="#94a3b8"
              strokeDasharray="4 3"
            />
            <Line dataKey="observed" stroke="#4f5bd5" dot={false} isAnimationActive={false} />
            <Scatter dataKey="observed" fill="#4f5bd5" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-600">{tr("showTable")}</summary>
        <DataTable
          head={[t("predicted"), t("observed"), t("count")]}
          rows={calibration.map((c) => [f.pct(c.predicted), f.pct(c.observed), f.n(c.count)])}
        />
      </details>
    </figure>
  );
}
