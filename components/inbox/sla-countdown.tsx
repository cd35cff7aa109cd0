"use client";

/**
 * A live countdown to an SLA deadline: one shared one-second ticker for every countdown on the
 * page, and the server's clock (the app may run on a moved test clock), not the browser's.
 */
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let tick = Date.now();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      tick = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useTick(): number {
  return useSyncExternalStore(
    subscribe,
    () => tick,
    () => tick,
  );
}

export type Urgency = "ok" | "soon" | "overdue";

/** Amber in the last quarter of the window (at least the last 10 minutes), red once past. */
export function urgency(dueMs: number, startMs: number, nowMs: number): Urgency {
  if (nowMs >= dueMs) return "overdue";
  const soon = Math.max(10 * 60_000, (dueMs - startMs) / 4);
  return dueMs - nowMs <= soon ? "soon" : "ok";
}

/** "2 d 3 h", "3 h 05 min", "14:05" (minutes:seconds under an hour). */
export function formatLeft(ms: number): {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
} {
  const s = Math.floor(Math.abs(ms) / 1000);
  return {
    days: Math.floor(s / 86_400),
    hours: Math.floor((s % 86_400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
}

export function SlaCountdown({
  due,
  start,
  offsetMs,
  label,
}: {
  due: string;
  start: string;
  offsetMs: number;
  label?: string;
}) {
  const t = useTranslations("inbox.sla");
  const now = useTick() + offsetMs;
  const dueMs = Date.parse(due);
  const left = dueMs - now;
  const u = urgency(dueMs, Date.parse(start), now);
  const p = formatLeft(left);
  const pad = (n: number) => String(n).padStart(2, "0");
  const text =
    p.days > 0
      ? t("days", { d: p.days, h: p.hours })
      : p.hours > 0
        ? t("hours", { h: p.hours, m: pad(p.minutes) })
        : `${pad(p.minutes)}:${pad(p.seconds)}`;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium tabular-nums ring-1 ring-inset",
        u === "overdue"
          ? "bg-rose-50 text-rose-800 ring-rose-300"
          : u === "soon"
            ? "bg-amber-50 text-amber-900 ring-amber-300"
            : "bg-emerald-50 text-emerald-800 ring-emerald-200",
      )}
      data-testid="sla-countdown"
      data-urgency={u}
      title={label}
    >
      <span
        aria-hidden
        className={cn(
          "size-1.5 rounded-full",
          u === "overdue" ? "bg-rose-500" : u === "soon" ? "bg-amber-500" : "bg-emerald-500",
        )}
      />
      {left < 0 ? t("overdueBy", { time: text }) : t("left", { time: text })}
    </span>
  );
}
