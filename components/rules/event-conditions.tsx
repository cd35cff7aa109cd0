"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { ConditionEditor } from "./condition-editor";
import { propertyLabel } from "./describe-rule";
import type { PropertySuggestion } from "@/lib/client/queries/scoring";
import type { RuleDraft, RuleErrors } from "./validate-rule";

/** The "where" list of an engagement rule: each a property of the event and a condition on it. */
export function EventConditions({
  draft,
  set,
  errors,
  err,
  properties,
  propertiesLoading,
}: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  errors: RuleErrors;
  err: (key: string) => string | undefined;
  properties: PropertySuggestion[] | undefined;
  propertiesLoading: boolean;
}) {
  const t = useTranslations("editor");
  const describe = useTranslations("rules.describe");
  const locale = useLocale();
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">{t("panel.conditions")}</legend>
      {draft.where.length === 0 && (
        <p className="text-sm text-slate-500">{t("panel.noConditions")}</p>
      )}
      {draft.where.map((w, i) => {
        const prop = properties?.find((p) => p.key === w.property);
        const update = (patch: Partial<typeof w>) =>
          set({ where: draft.where.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          <div
            key={i}
            className="space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
            data-testid="condition"
          >
            <div className="flex items-end gap-2">
              <Field
                id={`rule-where-${i}-property`}
                label={t("panel.property")}
                error={err(`where.${i}.property`)}
                className="flex-1"
              >
                <Select
                  id={`rule-where-${i}-property`}
                  value={w.property}
                  onChange={(e) => update({ property: e.target.value })}
                >
                  <option value="">
                    {propertiesLoading ? t("panel.loading") : t("panel.chooseProperty")}
                  </option>
                  {(properties ?? []).map((p) => (
                    <option key={p.key} value={p.key}>
                      {t("panel.propertyOption", {
                        label: propertyLabel(describe, p.key),
                        count: number(p.count),
                      })}
                    </option>
                  ))}
                  {w.property && !properties?.some((p) => p.key === w.property) && (
                    <option value={w.property}>{w.property}</option>
                  )}
                </Select>
              </Field>
              <Button
                variant="ghost"
                className="px-2 text-rose-700"
                onClick={() => set({ where: draft.where.filter((_, j) => j !== i) })}
                aria-label={t("panel.removeCondition")}
              >
                ×
              </Button>
            </div>
            <ConditionEditor
              idPrefix={`rule-where-${i}`}
              condition={w}
              numeric={false}
              suggestions={prop?.values ?? []}
              error={errors[`where.${i}.value`]}
              onChange={(c) => update(c)}
            />
          </div>
        );
      })}
      <Button
        variant="secondary"
        disabled={!draft.event}
        onClick={() =>
          set({
            where: [
              ...draft.where,
              {
                property: properties?.[0]?.key ?? "",
                op: "eq",
                value: "",
                values: [],
                min: "",
                max: "",
              },
            ],
          })
        }
      >
        {t("panel.addCondition")}
      </Button>
    </fieldset>
  );
}
