"use client";

import { useTranslations } from "next-intl";
import type { TierTerms } from "./sla-draft";

/** A tier in plain words: "Grade A or score ≥ 100: first touch within 1 business hour; …". */
export function useTierSentence() {
  const t = useTranslations("salesSettings.sla.sentence");
  return (terms: TierTerms | null): string => {
    if (!terms) return t("incomplete");
    const { grade, score } = terms;
    const condition =
      grade && score !== null
        ? t("gradeOrScore", { grade, score })
        : grade
          ? t("gradeOnly", { grade })
          : score !== null
            ? t("scoreOnly", { score })
            : t("everyone");
    const h = Math.floor(terms.minutes / 60);
    const m = terms.minutes % 60;
    const duration =
      m === 0
        ? t("hours", { hours: h })
        : h === 0
          ? t("minutes", { minutes: m })
          : t("mixed", { hours: h, minutes: m });
    const touches =
      terms.touches === 0
        ? t("noTouches")
        : t("touches", { touches: terms.touches, days: terms.days });
    const sentence = t("full", { condition, duration, touches });
    return terms.reassign ? `${sentence} ${t("reassign")}` : sentence;
  };
}
