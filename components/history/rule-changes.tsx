"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { describeRule, formatPoints } from "@/components/rules/describe-rule";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ModelDiff, RuleChange, RuleField } from "@/lib/domain/scoring/diff";
import type { Rule } from "@/lib/domain/scoring/model";
import { BeforeAfter } from "./before-after";

const CONDITION: readonly RuleField[] = ["kind", "field", "op", "value", "event", "where"];

/** The condition alone: the limits (count, window, decay) get rows of their own. */
const conditionOnly = (rule: Rule): Rule =>
  rule.kind === "event" ? { ...rule, maxCount: null, withinDays: null, halfLifeDays: null } : rule;

function useRuleWords() {
  const t = useTranslations("history.diff");
  const td = useTranslations("rules.describe");
  const format = useFormatter();
  const locale = useLocale();
  const limit = (rule: Rule, field: "maxCount" | "withinDays" | "halfLifeDays"): string => {
    const value = rule.kind === "event" ? (rule[field] ?? null) : null;
    if (field === "maxCount") return value ? td("maxCount", { count: value }) : t("everyTime");
    if (field === "withinDays") return value ? td("withinDays", { days: value }) : t("anyTime");
    return value ? td("halfLife", { days: format.number(value) }) : t("noDecay");
  };
  return {
    t,
    points: (rule: Rule) => formatPoints(rule.points, locale),
    describe: (rule: Rule) => describeRule(td, rule, locale),
    condition: (rule: Rule) => describeRule(td, conditionOnly(rule), locale),
    limit,
    status: (rule: Rule) => (rule.enabled === false ? t("off") : t("on")),
  };
}

function RuleHeading({
  tone,
  badge,
  rule,
  struck,
}: {
  tone: BadgeTone;
  badge: string;
  rule: Rule;
  struck?: boolean;
}) {
  const words = useRuleWords();
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <Badge tone={tone}>{badge}</Badge>
      <span className={cn("font-medium text-slate-900", struck && "text-slate-500 line-through")}>
        {rule.label}
      </span>
      <span
        className={cn(
          "text-sm font-semibold tabular-nums",
          rule.points < 0 ? "text-rose-700" : "text-slate-700",
          struck && "line-through",
        )}
      >
        {words.points(rule)}
      </span>
    </div>
  );
}

function ChangedRule({ change }: { change: RuleChange }) {
  const words = useRuleWords();
  const { t } = words;
  const { before, after } = change;
  const has = (f: RuleField) => change.fields.some((c) => c.field === f);
  const rows: [string, ReactNode][] = [];
  if (has("label"))
    rows.push([
      t("field.label"),
      <BeforeAfter key="l" before={before.label} after={after.label} stacked />,
    ]);
  if (has("points"))
    rows.push([
      t("field.points"),
      <BeforeAfter key="p" before={words.points(before)} after={words.points(after)} />,
    ]);
  if (CONDITION.some(has))
    rows.push([
      t("field.condition"),
      <BeforeAfter
        key="c"
        before={words.condition(before)}
        after={words.condition(after)}
        stacked
      />,
    ]);
  for (const f of ["maxCount", "withinDays", "halfLifeDays"] as const) {
    if (has(f))
      rows.push([
        t(`field.${f}`),
        <BeforeAfter key={f} before={words.limit(before, f)} after={words.limit(after, f)} />,
      ]);
  }
  if (has("enabled"))
    rows.push([
      t("field.enabled"),
      <BeforeAfter key="e" before={words.status(before)} after={words.status(after)} />,
    ]);
  return (
    <>
      <RuleHeading tone="amber" badge={t("changed")} rule={after} />
      <p className="mt-1 text-sm text-slate-600">{words.describe(after)}</p>
      <dl className="mt-2 space-y-1.5 rounded-lg bg-slate-50 px-3 py-2 text-sm">
        {rows.map(([label, value]) => (
          <div
            key={label}
            className="grid gap-0.5 sm:grid-cols-[7.5rem_minmax(0,1fr)] sm:gap-3"
            data-testid="field-change"
          >
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function RuleChanges({ rules }: { rules: ModelDiff["rules"] }) {
  const words = useRuleWords();
  const { t } = words;
  const item = "px-4 py-3 sm:px-5";
  return (
    <ul className="divide-y divide-slate-100" data-testid="rule-changes">
      {rules.changed.map((c) => (
        <li
          key={`c-${c.id}`}
          className={item}
          data-testid="rule-change"
          data-change="changed"
          data-rule-id={c.id}
        >
          <ChangedRule change={c} />
        </li>
      ))}
      {rules.added.map((r) => (
        <li
          key={`a-${r.id}`}
          className={item}
          data-testid="rule-change"
          data-change="added"
          data-rule-id={r.id}
        >
          <RuleHeading tone="green" badge={t("added")} rule={r} />
          <p className="mt-1 text-sm text-slate-600">{words.describe(r)}</p>
        </li>
      ))}
      {rules.removed.map((r) => (
        <li
          key={`r-${r.id}`}
          className={item}
          data-testid="rule-change"
          data-change="removed"
          data-rule-id={r.id}
        >
          <RuleHeading tone="red" badge={t("removed")} rule={r} struck />
          <p className="mt-1 text-sm text-slate-500">{words.describe(r)}</p>
        </li>
      ))}
    </ul>
  );
}
