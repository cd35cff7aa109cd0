"use client";

/**
 * Current scores as a histogram coloured by band, with the MQL line and band edges drawn on it.
 * Each line is a slider: drag it (mouse or touch) or focus it and use the arrow keys (Shift for
 * 10 points, Home/End for the ends of the chart).
 */
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import {
  bandIndex,
  binScores,
  niceWidth,
  scoreQuantile,
  type ScoreBucket,
} from "@/lib/domain/thresholds/figures";

export const BAND_FILLS = [
  "fill-slate-300",
  "fill-sky-300",
  "fill-indigo-400",
  "fill-violet-500",
  "fill-fuchsia-500",
  "fill-rose-400",
];
export const BAND_SWATCHES = [
  "bg-slate-300",
  "bg-sky-300",
  "bg-indigo-400",
  "bg-violet-500",
  "bg-fuchsia-500",
  "bg-rose-400",
];

export type Marker = {
  id: string;
  value: number;
  min: number;
  max: number;
  label: string;
  ariaLabel: string;
  kind: "mql" | "band";
};

const HEIGHT = 280;
const M = { top: 44, right: 16, bottom: 30, left: 44 };

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The chart's score range: the middle 99% of scores and every band edge and threshold, with a bin of
 * room either side. The few scores beyond it are counted in the end bins.
 */
export function chartDomain(scores: ScoreBucket[], anchors: number[]) {
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
  domain: { lo: number; hi: number; width: number };
  /** The live model's threshold, drawn faintly when the candidate differs. */
  live: number | null;
  onMove: ((id: string, value: number) => void) | null;
}) {
  const t = useTranslations("thresholds.chart");
  const locale = useLocale();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const [container, width] = useWidth();
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);

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

  const valueAt = (clientX: number, marker: Marker) => {
    const rect = svg.current!.getBoundingClientRect();
    const raw = domain.lo + ((clientX - rect.left - M.left) / plotW) * (domain.hi - domain.lo);
    return Math.min(marker.max, Math.max(marker.min, Math.round(raw)));
  };
  const onPointerMove = (e: PointerEvent) => {
    const marker = markers.find((m) => m.id === dragging);
    if (!marker || !onMove) return;
    const value = valueAt(e.clientX, marker);
    if (value !== marker.value) onMove(marker.id, value);
  };
  const onKey = (marker: Marker) => (e: KeyboardEvent) => {
    if (!onMove) return;
    const big = e.shiftKey ? 10 : 1;
    const next = {
      ArrowRight: marker.value + big,
      ArrowUp: marker.value + big,
      ArrowLeft: marker.value - big,
      ArrowDown: marker.value - big,
      PageUp: marker.value + 10,
      PageDown: marker.value - 10,
      Home: marker.min,
      End: marker.max,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onMove(marker.id, Math.min(marker.max, Math.max(marker.min, next)));
  };

  // Band labels that would overlap the one to their left are left out (the line and slider stay).
  const hiddenLabels = new Set<string>();
  let lastRight = -Infinity;
  for (const m of markers.filter((k) => k.kind === "band").sort((a, b) => a.value - b.value)) {
    const w = m.label.length * 6.2 + 14;
    const left = x(m.value) - w / 2;
    if (left < lastRight + 2) hiddenLabels.add(m.id);
    else lastRight = left + w;
  }

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
          {yTicks.map((v) => (
            <g key={v}>
              <line
                x1={M.left}
                x2={M.left + plotW}
                y1={y(v)}
                y2={y(v)}
                className="stroke-slate-100"
              />
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
          {live !== null &&
            !markers.some((m) => m.kind === "mql" && m.value === live) &&
            live >= domain.lo &&
            live <= domain.hi && (
              <g aria-hidden>
                <line
                  x1={x(live)}
                  x2={x(live)}
                  y1={M.top}
                  y2={M.top + plotH}
                  strokeDasharray="2 3"
                  className="stroke-slate-500"
                />
                <text x={x(live) + 4} y={M.top + 10} className="fill-slate-500 text-[10px]">
                  {t("live", { value: n(live) })}
                </text>
              </g>
            )}
          {markers.map((m) => {
            const mx = x(m.value);
            const mql = m.kind === "mql";
            const labelW = m.label.length * (mql ? 7 : 6.2) + 14;
            const lx = Math.min(Math.max(mx - labelW / 2, 2), width - labelW - 2);
            const ly = mql ? 2 : 22;
            const active = dragging === m.id || focused === m.id;
            const showLabel = active || !hiddenLabels.has(m.id);
            return (
              <g
                key={m.id}
                role="slider"
                tabIndex={onMove ? 0 : -1}
                aria-label={m.ariaLabel}
                aria-valuemin={m.min}
                aria-valuemax={m.max}
                aria-valuenow={m.value}
                aria-valuetext={m.label}
                aria-orientation="horizontal"
                aria-readonly={onMove ? undefined : true}
                data-testid={`marker-${m.id}`}
                className={
                  onMove
                    ? dragging === m.id
                      ? "cursor-grabbing outline-none"
                      : "cursor-grab outline-none"
                    : "outline-none"
                }
                style={{ touchAction: "none" }}
                onKeyDown={onKey(m)}
                onFocus={() => setFocused(m.id)}
                onBlur={() => setFocused(null)}
                onPointerDown={(e) => {
                  if (!onMove) return;
                  e.preventDefault();
                  (e.currentTarget as Element).closest("svg")?.setPointerCapture(e.pointerId);
                  (e.currentTarget as SVGGElement).focus();
                  setDragging(m.id);
                }}
              >
                <rect x={mx - 8} width={16} y={ly} height={M.top + plotH - ly} fill="transparent" />
                <line
                  x1={mx}
                  x2={mx}
                  y1={ly + 16}
                  y2={M.top + plotH}
                  strokeWidth={mql ? 2.5 : 1.5}
                  strokeDasharray={mql ? undefined : "5 4"}
                  className={mql ? "stroke-rose-600" : "stroke-slate-600"}
                />
                {showLabel && (
                  <>
                    <rect
                      x={lx}
                      y={ly}
                      width={labelW}
                      height={18}
                      rx={9}
                      className={
                        mql
                          ? "fill-rose-600"
                          : active
                            ? "fill-slate-700"
                            : "fill-white stroke-slate-400"
                      }
                      strokeWidth={active && !mql ? 0 : 1}
                    />
                    {active && (
                      <rect
                        x={lx - 3}
                        y={ly - 3}
                        width={labelW + 6}
                        height={24}
                        rx={12}
                        fill="none"
                        strokeWidth={2}
                        className="stroke-brand-600"
                      />
                    )}
                    <text
                      x={lx + labelW / 2}
                      y={ly + 12.5}
                      textAnchor="middle"
                      className={`text-[11px] font-medium tabular-nums ${mql || active ? "fill-white" : "fill-slate-700"}`}
                    >
                      {m.label}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {width === 0 && <div style={{ height: HEIGHT }} aria-hidden />}
    </div>
  );
}
