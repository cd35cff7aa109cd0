/**
 * Calendar dates in a person's own time zone, without a date library. "Away until 12 March"
 * means away through the whole of 12 March where that person works: it is stored as the instant
 * their 13 March begins, and read back as the day before that instant, in their zone.
 */
import { localDate, toInstant } from "@/lib/domain/time/zoned";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant `date` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDayInZone(date: string, timeZone: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return toInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, 0, timeZone);
}

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).iso;
}

export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days))
    .toISOString()
    .slice(0, 10);
}

/** What to store for "away through `lastDay`" in `timeZone`. */
export function awayUntilInstant(lastDay: string, timeZone: string): Date {
  return startOfDayInZone(addDays(lastDay, 1), timeZone);
}

/** The last day away, in `timeZone`, of a stored away-until instant. */
export function lastAwayDay(awayUntil: Date, timeZone: string): string {
  return dateInZone(new Date(awayUntil.getTime() - 1), timeZone);
}
