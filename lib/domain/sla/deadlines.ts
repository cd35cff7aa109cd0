/**
 * An assignment's SLA deadlines, computed once in the assigned rep's business hours (their time
 * zone and working hours, their team's holidays) and stored. "D business days" are D of the rep's
 * working days: D times the length of their working day in business time.
 */
import type { WorkingHours } from "@/lib/shared/vocabulary";
import { addBusinessTime, type Schedule } from "./business-hours";
import type { PolicyTerms } from "./policy";

const MINUTE = 60_000;

export type RepCalendar = {
  timeZone: string;
  workingHours: WorkingHours;
  holidays: readonly string[];
};

const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };

/** The rep's schedule; hours that leave no working time at all fall back to 09:00–18:00, Monday to Friday. */
export function scheduleOf(rep: RepCalendar): Schedule {
  const usable = rep.workingHours.days.length > 0 && workingDayMs(rep.workingHours) > 0;
  const hours = usable ? rep.workingHours : DEFAULT_HOURS;
  return {
    timeZone: rep.timeZone,
    days: hours.days,
    start: hours.start,
    end: hours.end,
    holidays: [...rep.holidays],
  };
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

export function workingDayMs(schedule: Pick<Schedule, "start" | "end">): number {
  return Math.max(0, minutesOf(schedule.end) - minutesOf(schedule.start)) * MINUTE;
}

export type Deadlines = { firstTouchDue: Date; touchesDueBy: Date };

export function computeDeadlines(
  policy: Pick<PolicyTerms, "firstTouchMinutes" | "touchWindowDays">,
  start: Date,
  schedule: Schedule,
): Deadlines {
  return {
    firstTouchDue: addBusinessTime(start, policy.firstTouchMinutes * MINUTE, schedule),
    touchesDueBy: addBusinessTime(start, policy.touchWindowDays * workingDayMs(schedule), schedule),
  };
}
