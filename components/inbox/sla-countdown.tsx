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
    tick = Date.now();
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

/**
 * The app's clock as the page shows it: `now` is the app's time when the data was read (on the
 * server, and again while the browser hydrates the server's HTML, so both render the same text),
 * `offsetMs` how far the app clock is from this browser's.
 */
export type AppClock = { now: number; offsetMs: number };

export function clockOf(data: { now: string; fetchedAt: number } | undefined): AppClock {
  if (!data) return { now: 0, offsetMs: 0 };
  const now = Date.parse(data.now);
  return { now, offsetMs: now - data.fetchedAt };
}

/** Now on the app clock, ticking every second once the page is live. */
export function useAppNow(clock: AppClock): number {
  const live = useSyncExternalStore(
    subscribe,
    () => tick,
    () => null,
  );
  return live === null ? clock.now : live + clock.offsetMs;
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
  clock,
  label,
}: {
  due: string;
  start: string;
  clock: AppClock;
  label?: string;
}) {
  const t = useTranslations("inbox.sla");
  const now = useAppNow(clock);
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
