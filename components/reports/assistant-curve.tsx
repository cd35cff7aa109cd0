"use client";

import { useTranslations } from "next-intl";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ThresholdPoint, ThresholdRecommendation } from "@/lib/client/queries/reports";
import { DataTable } from "./chart-frame";
import { useFormat } from "./format";

/** Conversion rate and weekly volume along the candidate thresholds, the current and recommended marked. */
export function AssistantCurveChart({
  data,
  stage,
}: {
  data: ThresholdRecommendation;
  /** The target stage's name, in the rate series' name. */
  stage: string;
}) {
  const t = useTranslations("reports.assistant");
  const f = useFormat();
  const rec = data.recommended;
  const cur = data.current;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart accessibilityLayer={false} data={data.curve} margin={{ right: 8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis
          dataKey="threshold"
          type="number"
          domain={["dataMin", "dataMax"]}
          tick={{ fontSize: 11 }}
        />
        <YAxis
          yAxisId="r"
          tickFormatter={(v) => f.pct(Number(v))}
          tick={{ fontSize: 11 }}
          width={48}
          domain={[0, 1]}
        />
        <YAxis yAxisId="v" orientation="right" tick={{ fontSize: 11 }} width={40} />
        <Tooltip
          labelFormatter={(l) => t("thresholdAt", { value: String(l) })}
          formatter={(v, name) =>
            name === t("rate", { stage }) ? f.pct(Number(v)) : f.dec(Number(v))
          }
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          yAxisId="r"
          dataKey="rate"
          name={t("rate", { stage })}
          stroke="#059669"
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          yAxisId="v"
          dataKey="mqlsPerWeek"
          name={t("volume")}
          stroke="#4f5bd5"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <ReferenceLine yAxisId="r" y={data.targetRate} stroke="#d97706" strokeDasharray="4 3" />
        {cur && (
          <ReferenceLine
            yAxisId="r"
            x={cur.threshold}
            stroke="#64748b"
            strokeDasharray="3 3"
            label={{ value: t("current"), position: "insideTopLeft", fontSize: 11 }}
          />
        )}
        {rec && (
          <ReferenceLine
            yAxisId="r"
            x={rec.threshold}
            stroke="#059669"
            label={{
              value: t("recommendedShort"),
              position: "insideTopRight",
              fontSize: 11,
              fill: "#047857",
            }}
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function AssistantCurveTable({ curve, stage }: { curve: ThresholdPoint[]; stage: string }) {
  const t = useTranslations("reports.assistant");
  const f = useFormat();
  return (
    <DataTable
      testId="assistant-curve"
      head={[
        t("threshold"),
        t("volume"),
        t("decided"),
        t("converted"),
        t("rate", { stage }),
        t("lost"),
        t("acceptedLost"),
      ]}
      rows={curve.map((p: ThresholdPoint) => [
        f.dec(p.threshold),
        f.dec(p.mqlsPerWeek),
        f.n(p.decided),
        f.n(p.converted),
        f.pct(p.rate),
        f.n(p.convertedLost),
        f.n(p.acceptedLost),
      ])}
    />
  );
}
