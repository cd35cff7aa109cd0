"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Rule } from "@/lib/domain/scoring/model";
import { describeRule, formatPoints } from "./describe-rule";

export type RuleStatus = "new" | "changed" | "removed" | null;

export type RuleActions = {
  onEdit: (rule: Rule) => void;
  onDuplicate: (rule: Rule) => void;
  onDelete: (rule: Rule) => void;
};

const GROUPS = ["fit", "engagement", "negative"] as const;
type Group = (typeof GROUPS)[number];

export function groupOf(rule: Rule): Group {
  if (rule.points < 0) return "negative";
  return rule.kind === "attribute" ? "fit" : "engagement";
}

function PointsBadge({ points, disabled }: { points: number; disabled: boolean }) {
  const locale = useLocale();
  return (
    <span
      className={cn(
        "inline-flex min-w-12 shrink-0 justify-center rounded-md px-2 py-1 text-sm font-semibold tabular-nums",
        disabled
          ? "bg-slate-100 text-slate-500 line-through"
          : points < 0
            ? "bg-rose-50 text-rose-700"
            : "bg-emerald-50 text-emerald-700",
      )}
    >
      {formatPoints(points, locale)}
    </span>
  );
}

export function RuleList({
  rules,
  statuses,
  actions,
  testId,
}: {
  rules: Rule[];
  /** How each rule (by id) differs from the other side; absent: unchanged. */
  statuses: Map<string, RuleStatus>;
  actions?: RuleActions;
  testId: string;
}) {
  const t = useTranslations("editor");
  const describe = useTranslations("rules.describe");
  const locale = useLocale();
  return (
    <div className="divide-y divide-slate-100" data-testid={testId}>
      {GROUPS.map((group) => {
        const inGroup = rules.filter((r) => groupOf(r) === group);
        return (
          <section key={group} aria-labelledby={`${testId}-${group}`} className="py-3 first:pt-0">
            <h3
              id={`${testId}-${group}`}
              className="mb-2 flex items-baseline justify-between px-1 text-xs font-semibold tracking-wide text-slate-500 uppercase"
            >
              <span>{t(`groups.${group}`)}</span>
              <span className="font-normal normal-case">{t(`groups.${group}Hint`)}</span>
            </h3>
            {inGroup.length === 0 ? (
              <p className="px-1 py-2 text-sm text-slate-500">{t("groups.empty")}</p>
            ) : (
              <ul className="space-y-1.5">
                {inGroup.map((rule) => {
                  const status = statuses.get(rule.id) ?? null;
                  const disabled = rule.enabled === false;
                  return (
                    <li
                      key={rule.id}
                      data-testid="rule-row"
                      data-rule-id={rule.id}
                      className={cn(
                        "group flex items-start gap-3 rounded-lg px-3 py-2.5 ring-1 ring-inset",
                        status === "new"
                          ? "bg-emerald-50/40 ring-emerald-200"
                          : status === "changed"
                            ? "bg-amber-50/50 ring-amber-200"
                            : status === "removed"
                              ? "bg-rose-50/40 ring-rose-200"
                              : "ring-slate-200",
                      )}
                    >
                      <div className="min-w-0 flex-1">
                        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-slate-900">
                          <span className={cn(disabled && "text-slate-500 line-through")}>
                            {rule.label}
                          </span>
                          {status && (
                            <Badge
                              tone={
                                status === "new" ? "green" : status === "changed" ? "amber" : "red"
                              }
                            >
                              {t(`status.${status}`)}
                            </Badge>
                          )}
                          {disabled && <Badge tone="slate">{t("status.disabled")}</Badge>}
                        </p>
                        <p className="mt-0.5 text-sm text-slate-600" data-testid="rule-description">
                          {describeRule(describe, rule, locale)}
                        </p>
                        {actions && (
                          <div className="mt-1.5 flex gap-1">
                            <button
                              type="button"
                              onClick={() => actions.onEdit(rule)}
                              className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
                              aria-label={t("actions.editRule", { label: rule.label })}
                            >
                              {t("actions.edit")}
                            </button>
                            <button
                              type="button"
                              onClick={() => actions.onDuplicate(rule)}
                              className="rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
                              aria-label={t("actions.duplicateRule", { label: rule.label })}
                            >
                              {t("actions.duplicate")}
                            </button>
                            <button
                              type="button"
                              onClick={() => actions.onDelete(rule)}
                              className="rounded px-2 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50"
                              aria-label={t("actions.deleteRule", { label: rule.label })}
                            >
                              {t("actions.delete")}
                            </button>
                          </div>
                        )}
                      </div>
                      <PointsBadge points={rule.points} disabled={disabled} />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
