import type { WorkingHours } from "@/lib/shared/vocabulary";

/**
 * "Mon–Fri 09:00–18:00": runs of consecutive ISO weekdays joined by a dash. `dayName` gives a
 * short weekday name in the reader's language (1 = Monday).
 */
export function describeWorkingHours(
  hours: WorkingHours,
  dayName: (isoDay: number) => string,
): string {
  const days = [...hours.days].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && day === last[last.length - 1] + 1) last.push(day);
    else runs.push([day]);
  }
  const text = runs
    .map((r) =>
      r.length > 2 ? `${dayName(r[0])}–${dayName(r[r.length - 1])}` : r.map(dayName).join(", "),
    )
    .join(", ");
  return `${text} ${hours.start}–${hours.end}`;
}
