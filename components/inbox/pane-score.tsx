"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatPoints } from "@/components/rules/describe-rule";
import { cn } from "@/components/ui/cn";
import type { Lead } from "@/lib/client/queries/leads";
import { useTemplateWords } from "@/lib/client/use-template-words";
import { PaneSection } from "./pane-section";

/** The score and the rules that earned it, largest first (rules that earned nothing left out). */
export function PaneScore({ lead: l }: { lead: Lead }) {
  const t = useTranslations("inbox.pane");
  const format = useFormatter();
  const locale = useLocale();
  const words = useTemplateWords();
  return (
    <PaneSection title={t("score")} testId="pane-receipt">
      {l.score ? (
        <>
          <p className="mb-2 text-sm text-slate-700">
            {t("scoreLine", {
              total: format.number(l.score.total, { maximumFractionDigits: 1 }),
              grade: l.score.grade,
              band: words.band(l.score.band),
            })}
          </p>
          <ul className="space-y-1">
            {(l.receipt?.lines ?? [])
              .filter((line) => line.earned !== 0)
              .sort((a, b) => Math.abs(b.earned) - Math.abs(a.earned))
              .map((line) => (
                <li key={line.ruleId} className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="min-w-0 text-slate-700">
                    {words.rule(line.label)}
                    {line.count > 1 && <span className="text-slate-600"> ×{line.count}</span>}
                  </span>
                  <span
                    className={cn(
                      "shrink-0 tabular-nums",
                      line.earned < 0 ? "text-rose-700" : "text-slate-900",
                    )}
                  >
                    {formatPoints(Math.round(line.earned * 10) / 10, locale)}
                  </span>
                </li>
              ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-slate-500">{t("noScore")}</p>
      )}
    </PaneSection>
  );
}
