"use client";

import { useLocale, useTranslations } from "next-intl";
import { bandIndex } from "@/lib/domain/thresholds/figures";
import { BAND_FILLS } from "./band-colours";
import { HEIGHT, M, type ChartDomain, type HistogramScale } from "./histogram-geometry";

/** The gridlines, the bars coloured by band, and both axes' labels. */
export function HistogramPlot({
  scale,
  domain,
  bands,
}: {
  scale: HistogramScale;
  domain: ChartDomain;
  bands: { name: string; min: number }[];
}) {
  const t = useTranslations("thresholds.chart");
  const locale = useLocale();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const { plotW, plotH, x, y, bins, yTicks, xTicks } = scale;
  return (
    <>
      {yTicks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={M.left + plotW} y1={y(v)} y2={y(v)} className="stroke-slate-100" />
          <text
            x={M.left - 6}
            y={y(v)}
            dy="0.32em"
            textAnchor="end"
            className="fill-slate-500 text-[11px] tabular-nums"
          >
            {n(v)}
          </text>
        </g>
      ))}
      {bins.map((b) => {
        const h = plotH - (y(b.leads) - M.top);
        return (
          <rect
            key={b.from}
            x={x(b.from) + 0.5}
            width={Math.max(1, x(b.from + domain.width) - x(b.from) - 1)}
            y={y(b.leads)}
            height={Math.max(0, h)}
            className={BAND_FILLS[bandIndex(bands, b.from) % BAND_FILLS.length]}
          >
            <title>
              {t("bin", { from: n(b.from), to: n(b.from + domain.width), leads: n(b.leads) })}
            </title>
          </rect>
        );
      })}
      <line
        x1={M.left}
        x2={M.left + plotW}
        y1={M.top + plotH}
        y2={M.top + plotH}
        className="stroke-slate-300"
      />
      {xTicks.map((v) => (
        <text
          key={v}
          x={x(v)}
          y={HEIGHT - 10}
          textAnchor="middle"
          className="fill-slate-500 text-[11px] tabular-nums"
        >
          {n(v)}
        </text>
      ))}
    </>
  );
}
