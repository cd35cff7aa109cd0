"use client";

/**
 * Current scores as a histogram coloured by band, with the MQL line and band edges drawn on it.
 * Each line is a slider: drag it (mouse or touch) or focus it and use the arrow keys (Shift for
 * 10 points, Home/End for the ends of the chart).
 */
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type PointerEvent } from "react";
import type { ScoreBucket } from "@/lib/domain/thresholds/figures";
import {
  HEIGHT,
  hiddenBandLabels,
  histogramScale,
  valueAtPointer,
  type ChartDomain,
} from "./histogram-geometry";
import { HistogramPlot } from "./histogram-plot";
import { LiveThresholdLine } from "./live-threshold-line";
import { keyedValue, type Marker } from "./marker";
import { MarkerSlider } from "./marker-slider";
import { useElementWidth } from "./use-element-width";

export { BAND_FILLS, BAND_SWATCHES } from "./band-colours";

export function ScoreHistogram({
  scores,
  bands,
  markers,
  domain,
  live,
  onMove,
}: {
  scores: ScoreBucket[];
  bands: { name: string; min: number }[];
  markers: Marker[];
  domain: ChartDomain;
  /** The live model's threshold, drawn faintly when the candidate differs. */
  live: number | null;
  onMove: ((id: string, value: number) => void) | null;
}) {
  const t = useTranslations("thresholds.chart");
  const locale = useLocale();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const [container, width] = useElementWidth();
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);

  const scale = histogramScale(scores, domain, width);
  const { x, plotW, plotH, bins } = scale;

  const onPointerMove = (e: PointerEvent) => {
    const marker = markers.find((m) => m.id === dragging);
    if (!marker || !onMove) return;
    const left = svg.current!.getBoundingClientRect().left;
    const value = valueAtPointer(e.clientX, left, plotW, domain, marker);
    if (value !== marker.value) onMove(marker.id, value);
  };

  const hiddenLabels = hiddenBandLabels(markers, x);

  const summary = t("summary", {
    leads: n(scores.reduce((s, b) => s + b.leads, 0)),
    bins: bins.length,
  });
  return (
    <div ref={container} className="relative w-full select-none" data-testid="score-histogram">
      {width > 0 && (
        <svg
          ref={svg}
          width={width}
          height={HEIGHT}
          role="group"
          aria-label={summary}
          onPointerMove={dragging ? onPointerMove : undefined}
          onPointerUp={() => setDragging(null)}
          onPointerCancel={() => setDragging(null)}
          className={dragging ? "cursor-grabbing" : undefined}
        >
          <title>{summary}</title>
          <HistogramPlot scale={scale} domain={domain} bands={bands} />
          {live !== null &&
            !markers.some((m) => m.kind === "mql" && m.value === live) &&
            live >= domain.lo &&
            live <= domain.hi && <LiveThresholdLine value={live} x={x} plotH={plotH} />}
          {markers.map((m) => (
            <MarkerSlider
              key={m.id}
              marker={m}
              x={x}
              plotH={plotH}
              chartWidth={width}
              editable={onMove !== null}
              dragging={dragging === m.id}
              active={dragging === m.id || focused === m.id}
              hideLabel={hiddenLabels.has(m.id)}
              onKeyDown={(e) => {
                if (!onMove) return;
                const next = keyedValue(m, e.key, e.shiftKey);
                if (next === undefined) return;
                e.preventDefault();
                onMove(m.id, next);
              }}
              onFocus={() => setFocused(m.id)}
              onBlur={() => setFocused(null)}
              onPointerDown={(e) => {
                if (!onMove) return;
                e.preventDefault();
                (e.currentTarget as Element).closest("svg")?.setPointerCapture(e.pointerId);
                (e.currentTarget as SVGGElement).focus();
                setDragging(m.id);
              }}
            />
          ))}
        </svg>
      )}
      {width === 0 && <div style={{ height: HEIGHT }} aria-hidden />}
    </div>
  );
}
