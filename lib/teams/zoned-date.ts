/**
 * Calendar dates in a person's own time zone, without a date library. "Away until 12 March"
 * means away through the whole of 12 March where that person works: it is stored as the instant
 * their 13 March begins, and read back as the day before that instant, in their zone.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(instant: number, timeZone: string) {
  const fields = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(fields.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = parts(instant, timeZone);
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
    Math.floor(instant / 1000) * 1000
  );
}

/** The instant `date` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDayInZone(date: string, timeZone: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two passes: the offset at the first guess may differ from the offset at the answer (DST).
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): string {
  const p = parts(instant.getTime(), timeZone);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
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
