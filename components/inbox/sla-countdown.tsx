"use client";

/**
 * A live countdown to an SLA deadline in business time (the clock stands still outside the rep's
 * working hours, as the deadline was computed): one shared one-second ticker for every countdown
 * on the page, and the server's clock (the app may run on a moved test clock), not the browser's.
 */
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import {
  businessTimeBetween,
  businessTimeLeft,
  isWorking,
  nextWorkingInstant,
  type Schedule,
} from "@/lib/domain/sla/business-hours";

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
export function urgency(leftMs: number, windowMs: number): Urgency {
  if (leftMs <= 0) return "overdue";
  const soon = Math.max(10 * 60_000, windowMs / 4);
  return leftMs <= soon ? "soon" : "ok";
}

/** "45 h", "3 h 05", "14:05" (minutes:seconds under an hour). */
export function formatLeft(ms: number): { hours: number; minutes: number; seconds: number } {
  const s = Math.floor(Math.abs(ms) / 1000);
  return {
    hours: Math.floor(s / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
}

/**
 * Business time left, from a figure computed once a minute: working hours open and close on whole
 * minutes, so within a minute the clock either runs second by second or stands still.
 */
function useBusinessLeft(dueMs: number, schedule: Schedule, now: number) {
  const minute = Math.floor(now / 60_000) * 60_000;
  const base = useMemo(() => {
    const at = new Date(minute);
    return {
      left: businessTimeLeft(at, new Date(dueMs), schedule),
      running: isWorking(at, schedule),
    };
  }, [minute, dueMs, schedule]);
  const left = base.running ? base.left - (now - minute) : base.left;
  return { left, running: base.running };
}

export function SlaCountdown({
  due,
  start,
  schedule,
  clock,
  firstTouch,
}: {
  due: string;
  start: string;
  /** The business hours the deadline was counted in. */
  schedule: Schedule;
  clock: AppClock;
  /** The first-touch deadline (else the minimum touches'). */
  firstTouch: boolean;
}) {
  const t = useTranslations("inbox.sla");
  const format = useFormatter();
  const locale = useLocale();
  const now = useAppNow(clock);
  const live = useIsLive();
  const dueMs = Date.parse(due);
  const { left, running } = useBusinessLeft(dueMs, schedule, now);
  const windowMs = useMemo(
    () => businessTimeBetween(new Date(start), new Date(dueMs), schedule),
    [start, dueMs, schedule],
  );
  const u = urgency(left, windowMs);
  const p = formatLeft(left);
  const pad = (n: number) => String(n).padStart(2, "0");
  const text =
    p.hours >= 10
      ? t("hoursOnly", { h: p.hours })
      : p.hours > 0
        ? t("hours", { h: p.hours, m: pad(p.minutes) })
        : `${pad(p.minutes)}:${pad(p.seconds)}`;
  const figure = left < 0 ? t("overdueBy", { time: text }) : t("left", { time: text });
  // Time zone names and weekday lists may differ between the server's and the browser's Intl:
  // the explanation is written once the page is live.
  const explanation = live
    ? [
        t(firstTouch ? "tooltipFirstTouch" : "tooltipTouches", {
          due: format.dateTime(new Date(dueMs), {
            weekday: "short",
            day: "numeric",
            month: "short",
            hour: "numeric",
            minute: "2-digit",
          }),
          figure,
        }),
        t("tooltipHours", { hours: describeHours(schedule, locale) }),
        running
          ? null
          : t("tooltipPaused", {
              until: format.dateTime(nextWorkingInstant(new Date(now), schedule), {
                weekday: "short",
                hour: "numeric",
                minute: "2-digit",
              }),
            }),
      ]
        .filter(Boolean)
        .join(" ")
    : undefined;
  return (
    <span
      className={cn(
        "inline-flex min-w-[6.5rem] shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium tabular-nums ring-1 ring-inset",
        u === "overdue"
          ? "bg-rose-50 text-rose-800 ring-rose-300"
          : u === "soon"
            ? "bg-amber-50 text-amber-900 ring-amber-300"
            : "bg-emerald-50 text-emerald-800 ring-emerald-200",
      )}
      data-testid="sla-countdown"
      data-urgency={u}
      data-running={running}
      title={explanation}
    >
      <span
        aria-hidden
        className={cn(
          "size-1.5 rounded-full",
          !running
            ? "bg-slate-500"
            : u === "overdue"
              ? "bg-rose-500"
              : u === "soon"
                ? "bg-amber-500"
                : "bg-emerald-500",
        )}
      />
      {figure}
      {!running && <span className="sr-only"> {t("paused")}</span>}
    </span>
  );
}

/** True once the page is live in the browser (false while rendering on the server and hydrating). */
function useIsLive(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}
const noopSubscribe = () => () => {};

/** "Mon–Fri, 09:00–18:00, Central European Time": the hours in the reader's words and zone name. */
export function describeHours(schedule: Schedule, locale: string): string {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  // 2024-01-01 was a Monday: ISO weekday d is that date plus d − 1 days.
  const name = (d: number) => weekday.format(new Date(Date.UTC(2024, 0, d)));
  const days = [...schedule.days].sort((a, b) => a - b);
  const contiguous = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  const dayText = contiguous
    ? `${name(days[0])}–${name(days[days.length - 1])}`
    : new Intl.ListFormat(locale, { style: "short" }).format(days.map(name));
  const zone =
    new Intl.DateTimeFormat(locale, { timeZone: schedule.timeZone, timeZoneName: "longGeneric" })
      .formatToParts(new Date())
      .find((part) => part.type === "timeZoneName")?.value ?? schedule.timeZone;
  return `${dayText}, ${schedule.start}–${schedule.end}, ${zone}`;
}
