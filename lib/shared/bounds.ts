/**
 * Numbers and dates bounded to what the database columns hold, so that an id of 2147483648 or a
 * date in year 0 or 10000 is refused by validation (400 naming the field) rather than failing in
 * PostgreSQL (500). int4 columns hold ±2,147,483,647; PostgreSQL has no year 0, and dates whose
 * following day is in year 10000 print in a form it does not read.
 */
import { z } from "zod";

export const INT4_MAX = 2_147_483_647;

/** A whole number an int4 column holds, from `min` (default 0). */
export const int4 = (min = 0, message = `A whole number from ${min} to ${INT4_MAX}.`) =>
  z.number({ error: message }).int(message).min(min, message).max(INT4_MAX, message);

/** An int4 id from a path or query string ("42"). */
export const int4Id = (message = `An id is a whole number from 1 to ${INT4_MAX}.`) =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(INT4_MAX, message);

/** Years the app accepts in any date from outside. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;
export const YEAR_MESSAGE = `Use a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}.`;

export const yearInRange = (d: Date) => {
  const year = d.getUTCFullYear();
  return !Number.isNaN(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

/** A calendar day, YYYY-MM-DD, that exists (no 31 February), within the accepted years: one message. */
export const calendarDay = (
  message = "Use a date as YYYY-MM-DD.",
  notReal = "This is not a real date.",
) =>
  z.string({ error: message }).superRefine((s, ctx) => {
    const date = new Date(`${s}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: "custom", message });
    else if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(s))
      ctx.addIssue({ code: "custom", message: notReal });
    else if (!yearInRange(date)) ctx.addIssue({ code: "custom", message: YEAR_MESSAGE });
  });

/** An ISO 8601 date-time with its offset, within the accepted years (kept as the string). */
export const isoDateTime = (message = "Use an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z.") =>
  z.iso.datetime({ offset: true, message }).refine((s) => yearInRange(new Date(s)), YEAR_MESSAGE);
