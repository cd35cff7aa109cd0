/**
 * The business-hours clock of SLAs (PRODUCT.md, "The sales side"): time counts only inside the
 * working hours of the rep's time zone, on working days that are not holidays. Deadlines are
 * computed once and stored, so nothing depends on timers in memory.
 */
import { localDate, toInstant } from "@/lib/domain/time/zoned";

export type Schedule = {
  timeZone: string;
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** "HH:MM" local; end after start. */
  start: string;
  end: string;
  /** Local dates off ("YYYY-MM-DD"). */
  holidays?: string[];
};

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The working window of one local day, as instants, or null on a day off. */
function windowOf(
  schedule: Schedule,
  instant: Date,
  dayOffset: number,
): { open: number; close: number } | null {
  const day = localDate(instant, schedule.timeZone, dayOffset);
  if (!schedule.days.includes(day.weekday) || schedule.holidays?.includes(day.iso)) return null;
  return {
    open: toInstant(day, minutes(schedule.start), schedule.timeZone).getTime(),
    close: toInstant(day, minutes(schedule.end), schedule.timeZone).getTime(),
  };
}

const MAX_DAYS = 3660;

/** The instant when `durationMs` of business time has passed since `start`. */
export function addBusinessTime(start: Date, durationMs: number, schedule: Schedule): Date {
  let remaining = durationMs;
  let cursor = start.getTime();
  for (let d = -1; d <= MAX_DAYS; d++) {
    const w = windowOf(schedule, start, d);
    if (!w || w.close <= cursor) continue;
    const from = Math.max(cursor, w.open);
    const available = w.close - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
    cursor = w.close;
  }
  throw new Error("No working time within ten years: check the schedule.");
}

/** Business time (ms) between two instants; 0 when `to` is not after `from`. */
export function businessTimeBetween(from: Date, to: Date, schedule: Schedule): number {
  if (to <= from) return 0;
  let total = 0;
  for (let d = -1; d <= MAX_DAYS; d++) {
    if (
      toInstant(localDate(from, schedule.timeZone, d), 0, schedule.timeZone).getTime() >=
      to.getTime()
    )
      break;
    const w = windowOf(schedule, from, d);
    if (!w) continue;
    const a = Math.max(w.open, from.getTime());
    const b = Math.min(w.close, to.getTime());
    if (b > a) total += b - a;
  }
  return total;
}

/** Is this instant inside working hours? */
export function isWorking(instant: Date, schedule: Schedule): boolean {
  const w = windowOf(schedule, instant, 0);
  return Boolean(w && instant.getTime() >= w.open && instant.getTime() < w.close);
}

/**
 * Business time from `now` to `due`: positive before the deadline, negative (business time
 * overdue) after it. What an SLA countdown shows: the figure stands still outside working hours.
 */
export function businessTimeLeft(now: Date, due: Date, schedule: Schedule): number {
  return due >= now
    ? businessTimeBetween(now, due, schedule)
    : -businessTimeBetween(due, now, schedule);
}

/** When the business clock next runs: `instant` itself inside working hours, else the next opening. */
export function nextWorkingInstant(instant: Date, schedule: Schedule): Date {
  return addBusinessTime(instant, 0, schedule);
}
