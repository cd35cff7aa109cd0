"use client";

import { useLocale, useTranslations } from "next-intl";
import { M } from "./histogram-geometry";

/** The live model's threshold, drawn faintly behind the candidate's. */
export function LiveThresholdLine({
  value,
  x,
  plotH,
}: {
  value: number;
  x: (v: number) => number;
  plotH: number;
}) {
  const t = useTranslations("thresholds.chart");
  const locale = useLocale();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  return (
    <g aria-hidden>
      <line
        x1={x(value)}
        x2={x(value)}
        y1={M.top}
        y2={M.top + plotH}
        strokeDasharray="2 3"
        className="stroke-slate-500"
      />
      <text x={x(value) + 4} y={M.top + 10} className="fill-slate-500 text-[10px]">
        {t("live", { value: n(value) })}
      </text>
    </g>
  );
}
