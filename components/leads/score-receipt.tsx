import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { describeRule, formatPoints } from "@/components/rules/describe-rule";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import {
  toTenths,
  type ReceiptSums,
  type SumCap,
  type SumGroup,
  type SumLine,
} from "@/lib/domain/scoring/receipt-sums";
import { formatSignedTenths, formatTenths } from "./score-format";

/** The href that filters the lead's activity to the events behind one rule (or back to all). */
export function ruleFilterHref(leadId: string, ruleId: string | null): string {
  return ruleId
    ? `/leads/${leadId}?rule=${encodeURIComponent(ruleId)}#activity`
    : `/leads/${leadId}#activity`;
}

function Amount({
  tenths,
  locale,
  signed = true,
  className,
  testId,
}: {
  tenths: number;
  locale: string;
  signed?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <span
      className={cn(
        "shrink-0 text-right text-sm tabular-nums",
        tenths < 0 ? "text-rose-700" : "text-slate-900",
        className,
      )}
      data-testid={testId}
    >
      {signed ? formatSignedTenths(tenths, locale) : formatTenths(tenths, locale)}
    </span>
  );
}

function Row({
  label,
  children,
  className,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      className={cn("flex items-baseline justify-between gap-3 px-4 py-2 sm:px-5", className)}
      data-testid={testId}
    >
      <span className="min-w-0 text-sm">{label}</span>
      {children}
    </div>
  );
}

/**
 * Every rule that counted, fit then engagement, each in plain words with what it earned, then the
 * caps and sums — a receipt a rep can add up. Event lines link to the events behind them.
 */
export async function ScoreReceipt({
  leadId,
  sums,
  model,
  modelVersion,
  activeRuleId,
}: {
  leadId: string;
  sums: ReceiptSums;
  model: ScoringModel | null;
  modelVersion: number;
  activeRuleId: string | null;
}) {
  const t = await getTranslations("receipt.receipt");
  const describe = await getTranslations("rules.describe");
  const locale = await getLocale();
  const rules = new Map((model?.rules ?? []).map((r) => [r.id, r]));
  const lineCount = sums.fit.lines.length + sums.engagement.lines.length;
  const anyDecayed = sums.engagement.lines.some((l) => l.decayed);

  const line = (l: SumLine) => {
    const rule = rules.get(l.ruleId);
    const active = l.ruleId === activeRuleId;
    const described = rule ? describeRule(describe, rule, locale) : null;
    const body = (
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p
            className={cn(
              "text-sm font-medium text-slate-900",
              l.kind === "event" && "group-hover:text-brand-700",
            )}
          >
            {l.label}
          </p>
          {/* The plain-words rule, unless the label already says exactly that. */}
          {described && described.toLowerCase() !== l.label.trim().toLowerCase() && (
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
        <Amount
          tenths={l.shown}
          locale={locale}
          className="font-semibold"
          testId="receipt-amount"
        />
      </div>
    );
    return (
      <li key={l.ruleId} data-testid="receipt-line" data-rule={l.ruleId} data-kind={l.kind}>
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
  };

  const capRow = (cap: SumCap | null, label: string, testId: string) =>
    cap && (
      <Row
        label={<span className="text-amber-800">{label}</span>}
        className="bg-amber-50/60"
        testId={testId}
      >
        <Amount
          tenths={cap.adjustment}
          locale={locale}
          className="font-semibold text-amber-800"
          testId="receipt-amount"
        />
      </Row>
    );

  const section = (key: "fit" | "engagement", group: SumGroup) => (
    <section aria-labelledby={`receipt-${key}`} data-testid={`receipt-${key}`}>
      <h3
        id={`receipt-${key}`}
        className="flex items-baseline gap-2 bg-slate-50 px-4 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase sm:px-5"
      >
        {t(key)}{" "}
        <span className="font-normal tracking-normal text-slate-400 normal-case">
          {t(`${key}Hint`)}
        </span>
      </h3>
      {group.lines.length ? (
        <ul className="divide-y divide-slate-100">{group.lines.map(line)}</ul>
      ) : (
        <p className="px-4 py-3 text-sm text-slate-500 sm:px-5">{t(`${key}None`)}</p>
      )}
      {capRow(
        group.cap,
        t(`${key}Capped`, { cap: formatTenths(toTenths(group.cap?.cap ?? 0), locale) }),
        `receipt-${key}-cap`,
      )}
      <Row
        label={<span className="font-medium text-slate-700">{t(`${key}Subtotal`)}</span>}
        className="border-t border-slate-200"
        testId={`receipt-${key}-subtotal`}
      >
        <Amount tenths={group.subtotal} locale={locale} signed={false} className="font-semibold" />
      </Row>
    </section>
  );

  return (
    <Card aria-labelledby="receipt-heading" data-testid="score-receipt" className="overflow-hidden">
      <CardHeader
        id="receipt-heading"
        title={t("title")}
        action={
          <span className="text-xs text-slate-500">
            {t("summary", { count: lineCount, version: modelVersion })}
          </span>
        }
      />
      {section("fit", sums.fit)}
      {section("engagement", sums.engagement)}
      {capRow(
        sums.totalCap,
        t("totalCapped", { cap: formatTenths(toTenths(sums.totalCap?.cap ?? 0), locale) }),
        "receipt-total-cap",
      )}
      <div className="flex items-baseline justify-between gap-3 border-t-2 border-slate-900 px-4 py-3 sm:px-5">
        <span className="text-sm font-semibold text-slate-900">{t("total")}</span>
        <span
          className="text-xl font-semibold text-slate-900 tabular-nums"
          data-testid="receipt-total"
        >
          {formatTenths(sums.total, locale)}
        </span>
      </div>
      {anyDecayed && (
        <p className="border-t border-slate-100 px-4 py-2.5 text-xs text-slate-500 sm:px-5">
          {t("decayNote")}
        </p>
      )}
    </Card>
  );
}
