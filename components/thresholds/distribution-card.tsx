"use client";

import { useLocale, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { ScoreBucket } from "@/lib/domain/thresholds/figures";
import { BAND_SWATCHES } from "./band-colours";
import type { ChartDomain } from "./histogram-geometry";
import type { Marker } from "./marker";
import { ScoreHistogram } from "./score-histogram";
import type { BandRow } from "./threshold-form";

/** The score histogram with its draggable markers, and a legend of the bands as typed. */
export function DistributionCard({
  scores,
  bands,
  bandValues,
  markers,
  domain,
  live,
  onMove,
}: {
  scores: ScoreBucket[];
  bands: BandRow[];
  /** Each band's lower edge as a number; null while it is not one. */
  bandValues: (number | null)[];
  markers: Marker[];
  domain: ChartDomain;
  live: number | null;
  onMove: (id: string, value: number) => void;
}) {
  const t = useTranslations("thresholds");
  const locale = useLocale();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const bandsForChart = bands.map((b, i) => ({
    name: b.name,
    min: bandValues[i] ?? -Infinity,
  }));
  return (
    <Card aria-labelledby="distribution-heading">
      <CardHeader
        id="distribution-heading"
        title={t("chart.title")}
        action={<span className="text-xs text-slate-500">{t("chart.hint")}</span>}
      />
      <div className="px-2 pt-3 pb-4 sm:px-4">
        {scores.length === 0 ? (
          <EmptyState title={t("empty.noScoresTitle")} body={t("empty.noScoresBody")} />
        ) : (
          <ScoreHistogram
            scores={scores}
            bands={bandsForChart}
            markers={markers}
            domain={domain}
            live={live}
            onMove={onMove}
          />
        )}
        <ul
          className="mt-2 flex flex-wrap gap-x-4 gap-y-1 px-2 text-xs text-slate-600"
          aria-label={t("chart.legend")}
        >
          {bands.map((b, i) => (
            <li key={i} className="flex items-center gap-1.5">
              <span
                aria-hidden
                className={cn("size-2.5 rounded-sm", BAND_SWATCHES[i % BAND_SWATCHES.length])}
              />
              {t("chart.band", {
                name: b.name || "—",
                min: bandValues[i] === null ? "?" : n(bandValues[i]!),
              })}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="h-3 w-0.5 bg-rose-600" />
            {t("chart.mqlLegend")}
          </li>
        </ul>
      </div>
    </Card>
  );
}
