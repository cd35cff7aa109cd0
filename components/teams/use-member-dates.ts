import { useFormatter } from "next-intl";

/** A weekday's short name (1 = Monday), and an away-until date as the reader writes dates. */
export function useMemberDates() {
  const format = useFormatter();
  const dayName = (day: number) =>
    format.dateTime(new Date(Date.UTC(2024, 0, day)), { weekday: "short", timeZone: "UTC" });
  const awayDate = (date: string) =>
    format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return { dayName, awayDate };
}
