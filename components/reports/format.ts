"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";

/** Number, percent, minutes and cohort formatters in the reader's language. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const n = new Intl.NumberFormat(locale);
    const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
    const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const day = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    const month = new Intl.DateTimeFormat(locale, {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    // Durations in the language's own units ("3 min", "1,5 h", "2 j" in French).
    const unit = (u: "minute" | "hour" | "day") =>
      new Intl.NumberFormat(locale, {
        style: "unit",
        unit: u,
        unitDisplay: "short",
        maximumFractionDigits: 1,
      });
    const [minutes, hours, days] = [unit("minute"), unit("hour"), unit("day")];
    const date = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    return {
      n: (v: number) => n.format(v),
      pct: (v: number | null | undefined) => (v === null || v === undefined ? "—" : pct.format(v)),
      dec: (v: number | null | undefined) => (v === null || v === undefined ? "—" : dec.format(v)),
      cohort: (iso: string, grain: "week" | "month") =>
        (grain === "month" ? month : day).format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      minutes: (v: number | null) => {
        if (v === null) return "—";
        if (v < 60) return minutes.format(Math.round(v));
        if (v < 1440) return hours.format(Math.round(v / 6) / 10);
        return days.format(Math.round(v / 144) / 10);
      },
    };
  }, [locale]);
}
