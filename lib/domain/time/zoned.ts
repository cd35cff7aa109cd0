/**
 * Wall-clock time in an IANA time zone, with Intl only (no date library). `toInstant` turns a local
 * date and time into the instant it happens: a local time skipped by a DST jump moves forward by
 * the jump; a repeated one (autumn) is its first occurrence.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
};

/**
 * Intl's formatToParts is slow (tens of microseconds); SLA countdowns ask the same few instants and
 * local days again and again. Both answers are pure, so they are remembered (a bounded cache,
 * emptied when full).
 */
const MAX_CACHED = 20_000;
const partsCache = new Map<string, LocalParts>();
const instantCache = new Map<string, number>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const key = `${timeZone}|${instant.getTime()}`;
  const cached = partsCache.get(key);
  if (cached) return { ...cached };
  return { ...remember(partsCache, key, readParts(instant, timeZone)) };
}

function readParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
export function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function toInstant(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Date {
  const key = `${timeZone}|${date.year}-${date.month}-${date.day}|${minuteOfDay}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return new Date(cached);
  return new Date(remember(instantCache, key, findInstant(date, minuteOfDay, timeZone).getTime()));
}

function findInstant(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // The zone's offsets half a day either side cover any DST change on this day.
  const before = offsetMs(new Date(wall - 12 * 3_600_000), timeZone);
  const after = offsetMs(new Date(wall + 12 * 3_600_000), timeZone);
  const candidates = [...new Set([wall - before, wall - after])].filter((t) => {
    const p = localParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  if (candidates.length) return new Date(Math.min(...candidates));
  // A local time the spring jump skips: read it with the offset before the jump, which lands after it.
  return new Date(wall - before);
}

/** The calendar date of `instant` in the zone, shifted by `days`. */
export function localDate(
  instant: Date,
  timeZone: string,
  days = 0,
): { year: number; month: number; day: number; iso: string; weekday: number } {
  const p = localParts(instant, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  const weekday = ((d.getUTCDay() + 6) % 7) + 1;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    iso: d.toISOString().slice(0, 10),
    weekday,
  };
}
