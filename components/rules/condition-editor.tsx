"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { controlClass, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { Operator } from "@/lib/domain/scoring/model";
import type { Counted } from "@/lib/client/queries/scoring";
import { operatorsFor } from "./validate-rule";

export type ConditionValue = {
  op: Operator;
  value: string;
  values: string[];
  min: string;
  max: string;
};

/** Operator and value inputs for one condition; the value inputs follow the operator. */
export function ConditionEditor({
  condition,
  onChange,
  numeric,
  suggestions,
  error,
  idPrefix,
}: {
  condition: ConditionValue;
  onChange: (c: ConditionValue) => void;
  numeric: boolean;
  suggestions: Counted[];
  error?: string;
  idPrefix: string;
}) {
  const t = useTranslations("editor");
  const locale = useLocale();
  const listId = useId();
  const [entry, setEntry] = useState("");
  const set = (patch: Partial<ConditionValue>) => onChange({ ...condition, ...patch });
  const invalid = error ? true : undefined;
  const described = error ? `${idPrefix}-value-error` : undefined;
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const addValue = (raw: string) => {
    const v = raw.trim().replace(/,$/, "");
    if (v && !condition.values.includes(v)) set({ values: [...condition.values, v] });
    setEntry("");
  };
  return (
    <div className="grid gap-2 sm:grid-cols-[11rem_minmax(0,1fr)]">
      <div>
        <label htmlFor={`${idPrefix}-op`} className="sr-only">
          {t("panel.operator")}
        </label>
        <Select
          id={`${idPrefix}-op`}
          value={condition.op}
          onChange={(e) => set({ op: e.target.value as Operator })}
        >
          {operatorsFor(numeric).map((op) => (
            <option key={op} value={op}>
              {t(`operators.${op}`)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.value} value={s.value}>
              {t("panel.seen", { count: number(s.count) })}
            </option>
          ))}
        </datalist>
        {condition.op === "known" || condition.op === "unknown" ? (
          <p className="py-2 text-sm text-slate-500">{t("panel.noValue")}</p>
        ) : condition.op === "between" ? (
          <div className="flex items-center gap-2">
            <input
              aria-label={t("panel.min")}
              id={`${idPrefix}-value`}
              type="number"
              inputMode="decimal"
              className={controlClass}
              value={condition.min}
              onChange={(e) => set({ min: e.target.value })}
              aria-invalid={invalid}
              aria-describedby={described}
            />
            <span className="text-sm text-slate-500">{t("panel.and")}</span>
            <input
              aria-label={t("panel.max")}
              type="number"
              inputMode="decimal"
              className={controlClass}
              value={condition.max}
              onChange={(e) => set({ max: e.target.value })}
              aria-invalid={invalid}
              aria-describedby={described}
            />
          </div>
        ) : condition.op === "in" ? (
          <div className={cn(controlClass, "flex min-h-10 flex-wrap items-center gap-1.5 py-1.5")}>
            {condition.values.map((v) => (
              <span
                key={v}
                className="inline-flex items-center gap-1 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800"
              >
                {v}
                <button
                  type="button"
                  className="text-brand-600 hover:text-brand-900"
                  aria-label={t("panel.removeValue", { value: v })}
                  onClick={() => set({ values: condition.values.filter((x) => x !== v) })}
                >
                  ×
                </button>
              </span>
            ))}
            <input
              id={`${idPrefix}-value`}
              list={listId}
              aria-label={t("panel.addValue")}
              placeholder={condition.values.length ? "" : t("panel.addValuePlaceholder")}
              className="min-w-24 flex-1 border-0 p-0 text-sm focus:ring-0 focus:outline-none"
              value={entry}
              onChange={(e) => {
                const v = e.target.value;
                // A pick from the suggestion list lands whole: take it at once.
                if (suggestions.some((s) => s.value === v)) addValue(v);
                else setEntry(v);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === ",") {
                  e.preventDefault();
                  addValue(entry);
                } else if (e.key === "Backspace" && !entry && condition.values.length) {
                  set({ values: condition.values.slice(0, -1) });
                }
              }}
              onBlur={() => entry && addValue(entry)}
              aria-invalid={invalid}
              aria-describedby={described}
            />
          </div>
        ) : (
          <input
            id={`${idPrefix}-value`}
            list={listId}
            type={numeric || condition.op === "gte" || condition.op === "lte" ? "number" : "text"}
            inputMode={numeric ? "decimal" : undefined}
            aria-label={t("panel.value")}
            placeholder={t("panel.valuePlaceholder")}
            className={controlClass}
            value={condition.value}
            onChange={(e) => set({ value: e.target.value })}
            aria-invalid={invalid}
            aria-describedby={described}
          />
        )}
        {error && (
          <p id={`${idPrefix}-value-error`} className="mt-1 text-sm text-rose-700" role="alert">
            {t(error)}
          </p>
        )}
      </div>
    </div>
  );
}
