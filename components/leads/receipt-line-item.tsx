import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { describeRule, formatPoints } from "@/components/rules/describe-rule";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Rule } from "@/lib/domain/scoring/model";
import { toTenths, type SumLine } from "@/lib/domain/scoring/receipt-sums";
import { useTemplateWords } from "@/lib/client/use-template-words";
import { Amount } from "./receipt-parts";
import { ruleFilterHref } from "./rule-filter-href";
import { formatTenths } from "./score-format";

/** One rule that counted, in plain words with what it earned; an event rule links to its events. */
export function ReceiptLineItem({
  line: l,
  rule,
  leadId,
  active,
}: {
  line: SumLine;
  /** The rule as the model has it (absent if the model no longer does). */
  rule: Rule | undefined;
  leadId: string;
  /** The activity is filtered to this rule's events. */
  active: boolean;
}) {
  const t = useTranslations("receipt.receipt");
  const describe = useTranslations("rules.describe");
  const locale = useLocale();
  const described = rule ? describeRule(describe, rule, locale) : null;
  const label = useTemplateWords().rule(l.label);
  const body = (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0">
        <p
          className={cn(
            "text-sm font-medium text-slate-900",
            l.kind === "event" && "group-hover:text-brand-700",
          )}
        >
          {label}
        </p>
        {/* The plain-words rule, unless the label already says exactly that. */}
        {described && described.toLowerCase() !== label.trim().toLowerCase() && (
          <p className="mt-0.5 text-xs text-slate-500">{described}</p>
        )}
        {l.kind === "event" && (
          <>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
              <span>{t("each", { points: formatPoints(l.points, locale) })}</span>
              <span aria-hidden className="text-slate-300">
                ·
              </span>
              <span data-testid="receipt-count">
                {l.matched > l.count
                  ? t("matchedCounted", { matched: l.matched, count: l.count })
                  : t("times", { count: l.count })}
              </span>
              {l.decayed && (
                <Badge tone="amber" className="!py-0">
                  <span
                    title={
                      rule?.kind === "event" && rule.halfLifeDays
                        ? t("decayedHint", {
                            days: formatTenths(toTenths(rule.halfLifeDays), locale),
                          })
                        : undefined
                    }
                  >
                    {t("decayed")}
                  </span>
                </Badge>
              )}
            </p>
            <p className="mt-1 inline-flex items-center gap-0.5 text-xs font-medium text-brand-700 group-hover:underline">
              {active ? t("showingEvents") : t("showEvents", { count: l.eventIds.length })}
              <svg
                aria-hidden
                width={12}
                height={12}
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth={2.2}
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M9 6l6 6-6 6" />
              </svg>
            </p>
          </>
        )}
      </div>
      <Amount tenths={l.shown} locale={locale} className="font-semibold" testId="receipt-amount" />
    </div>
  );
  return (
    <li data-testid="receipt-line" data-rule={l.ruleId} data-kind={l.kind}>
      {l.kind === "event" ? (
        <Link
          href={ruleFilterHref(leadId, l.ruleId)}
          aria-current={active ? "true" : undefined}
          className={cn(
            "group block px-4 py-2.5 sm:px-5",
            active
              ? "bg-brand-50 shadow-[inset_3px_0_0_var(--color-brand-600)]"
              : "hover:bg-slate-50",
          )}
        >
          {body}
        </Link>
      ) : (
        <div className="px-4 py-2.5 sm:px-5">{body}</div>
      )}
    </li>
  );
}
