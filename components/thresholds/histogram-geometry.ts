import {
  binScores,
  niceWidth,
  scoreQuantile,
  type ScoreBucket,
} from "@/lib/domain/thresholds/figures";
import type { Marker } from "./marker";

export const HEIGHT = 280;
export const M = { top: 44, right: 16, bottom: 30, left: 44 };

export type ChartDomain = { lo: number; hi: number; width: number };

/**
 * The chart's score range: the middle 99% of scores and every band edge and threshold, with a bin of
 * room either side. The few scores beyond it are counted in the end bins.
 */
export function chartDomain(scores: ScoreBucket[], anchors: number[]): ChartDomain {
  const low = scoreQuantile(scores, 0.005) ?? 0;
  const high = scoreQuantile(scores, 0.995) ?? 100;
  const values = [...anchors, low, high];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = niceWidth(hi - lo);
  return {
    lo: Math.floor(lo / width) * width - width,
    hi: Math.ceil((hi + 1) / width) * width + width,
    width,
  };
}

export type HistogramScale = ReturnType<typeof histogramScale>;

/** The bins, the score → x and leads → y mappings, and the ticks, for a chart `width` pixels wide. */
export function histogramScale(scores: ScoreBucket[], domain: ChartDomain, width: number) {
  const plotW = Math.max(1, width - M.left - M.right);
  const plotH = HEIGHT - M.top - M.bottom;
  const x = (v: number) => M.left + ((v - domain.lo) / (domain.hi - domain.lo)) * plotW;
  const bins = binScores(scores, domain.width, domain);
  const top = Math.max(1, ...bins.map((b) => b.leads));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const yTicks = [0, 0.5, 1].map((f) => Math.round(top * f));
  const step =
    domain.width * Math.max(1, Math.ceil(bins.length / Math.max(2, Math.floor(plotW / 56))));
  const xTicks: number[] = [];
  for (let v = Math.ceil(domain.lo / step) * step; v <= domain.hi; v += step) xTicks.push(v || 0); // no "-0"
  return { plotW, plotH, x, y, bins, yTicks, xTicks };
}

/** Band labels that would overlap the one to their left are left out (the line and slider stay). */
export function hiddenBandLabels(markers: Marker[], x: (v: number) => number): Set<string> {
  const hidden = new Set<string>();
  let lastRight = -Infinity;
  for (const m of markers.filter((k) => k.kind === "band").sort((a, b) => a.value - b.value)) {
    const w = m.label.length * 6.2 + 14;
    const left = x(m.value) - w / 2;
    if (left < lastRight + 2) hidden.add(m.id);
    else lastRight = left + w;
  }
  return hidden;
}

/** The score under a pointer at `clientX`, kept within the marker's range. */
export function valueAtPointer(
  clientX: number,
  svgLeft: number,
  plotW: number,
  domain: ChartDomain,
  marker: Marker,
) {
  const raw = domain.lo + ((clientX - svgLeft - M.left) / plotW) * (domain.hi - domain.lo);
  return Math.min(marker.max, Math.max(marker.min, Math.round(raw)));
}
