"use client";

import type { KeyboardEvent, PointerEvent } from "react";
import { M } from "./histogram-geometry";
import type { Marker } from "./marker";

/** One marker as an ARIA slider: its line, a wide transparent grab area, and its label pill. */
export function MarkerSlider({
  marker: m,
  x,
  plotH,
  chartWidth,
  editable,
  dragging,
  active,
  hideLabel,
  onKeyDown,
  onFocus,
  onBlur,
  onPointerDown,
}: {
  marker: Marker;
  x: (v: number) => number;
  plotH: number;
  chartWidth: number;
  editable: boolean;
  dragging: boolean;
  /** Being dragged or focused: the label shows even where it would overlap. */
  active: boolean;
  hideLabel: boolean;
  onKeyDown: (e: KeyboardEvent) => void;
  onFocus: () => void;
  onBlur: () => void;
  onPointerDown: (e: PointerEvent) => void;
}) {
  const mx = x(m.value);
  const mql = m.kind === "mql";
  const labelW = m.label.length * (mql ? 7 : 6.2) + 14;
  const lx = Math.min(Math.max(mx - labelW / 2, 2), chartWidth - labelW - 2);
  const ly = mql ? 2 : 22;
  const showLabel = active || !hideLabel;
  return (
    <g
      role="slider"
      tabIndex={editable ? 0 : -1}
      aria-label={m.ariaLabel}
      aria-valuemin={m.min}
      aria-valuemax={m.max}
      aria-valuenow={m.value}
      aria-valuetext={m.label}
      aria-orientation="horizontal"
      aria-readonly={editable ? undefined : true}
      data-testid={`marker-${m.id}`}
      className={
        editable
          ? dragging
            ? "cursor-grabbing outline-none"
            : "cursor-grab outline-none"
          : "outline-none"
      }
      style={{ touchAction: "none" }}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onPointerDown={onPointerDown}
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
              mql ? "fill-rose-600" : active ? "fill-slate-700" : "fill-white stroke-slate-400"
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
}
