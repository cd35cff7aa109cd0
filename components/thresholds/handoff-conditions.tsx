"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ConditionEditor } from "@/components/rules/condition-editor";
import { fieldLabel } from "@/components/rules/describe-rule";
import { useSuggestions } from "@/components/rules/use-scoring";
import { isNumericField } from "@/components/rules/validate-rule";
import { LEAD_FIELDS } from "@/lib/domain/scoring/model";
import type { Exclusion, FormErrors, ThresholdForm } from "./threshold-form";

const blankExclusion = (): Exclusion => ({
  field: "jobTitle",
  op: "contains",
  value: "",
  values: [],
  min: "",
  max: "",
});

/** What else a lead needs before sales gets it: no fit-gate exclusion, the required fields, the recycle cool-down. */
export function HandoffConditions({
  form,
  errors,
  editable,
  onChange,
}: {
  form: ThresholdForm;
  errors: FormErrors;
  editable: boolean;
  onChange: (f: ThresholdForm) => void;
}) {
  const t = useTranslations("thresholds");
  const te = useTranslations("editor");
  const describe = useTranslations("rules.describe");
  const suggestions = useSuggestions();
  const err = (key: string) => {
    const code = errors[key];
    if (!code) return undefined;
    return code.startsWith("editor:") ? te(code.slice("editor:".length)) : t(code);
  };
  const setExclusion = (i: number, patch: Partial<Exclusion>) =>
    onChange({ ...form, exclude: form.exclude.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <Card aria-labelledby="handoff-heading">
      <CardHeader id="handoff-heading" title={t("handoff.title")} />
      <div className="space-y-6 px-4 py-4 sm:px-5">
        <fieldset disabled={!editable}>
          <legend className="text-sm font-medium text-slate-700">{t("handoff.fitGate")}</legend>
          <p className="mb-3 text-xs text-slate-500">{t("handoff.fitGateHint")}</p>
          {form.exclude.length === 0 && (
            <p className="mb-3 text-sm text-slate-500">{t("handoff.noExclusions")}</p>
          )}
          <ol className="space-y-3">
            {form.exclude.map((c, i) => (
              <li key={i} className="rounded-lg p-3 ring-1 ring-slate-200" data-testid="exclusion">
                <div className="mb-2 flex items-end gap-2">
                  <Field id={`exclusion-${i}-field`} label={t("handoff.field")} className="flex-1">
                    <Select
                      id={`exclusion-${i}-field`}
                      value={c.field}
                      onChange={(e) =>
                        setExclusion(i, {
                          field: e.target.value,
                          op: isNumericField(e.target.value) ? "gte" : "contains",
                          value: "",
                          values: [],
                        })
                      }
                    >
                      {LEAD_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(describe, f)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {editable && (
                    <Button
                      variant="ghost"
                      className="text-rose-700"
                      onClick={() =>
                        onChange({ ...form, exclude: form.exclude.filter((_, j) => j !== i) })
                      }
                      aria-label={t("handoff.removeExclusion", { index: i + 1 })}
                    >
                      {t("handoff.remove")}
                    </Button>
                  )}
                </div>
                <ConditionEditor
                  idPrefix={`exclusion-${i}`}
                  condition={c}
                  numeric={isNumericField(c.field)}
                  suggestions={
                    suggestions.data?.fields.find((f) => f.field === c.field)?.values ?? []
                  }
                  error={errors[`exclude.${i}`]?.slice("editor:".length)}
                  onChange={(next) => setExclusion(i, next)}
                />
              </li>
            ))}
          </ol>
          {editable && (
            <Button
              variant="secondary"
              className="mt-3"
              onClick={() => onChange({ ...form, exclude: [...form.exclude, blankExclusion()] })}
            >
              {t("handoff.addExclusion")}
            </Button>
          )}
        </fieldset>

        <fieldset disabled={!editable}>
          <legend className="text-sm font-medium text-slate-700">{t("handoff.required")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("handoff.requiredHint")}</p>
          <div className="grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-3">
            {LEAD_FIELDS.map((f) => (
              <label key={f} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
                  checked={form.required.includes(f)}
                  onChange={(e) =>
                    onChange({
                      ...form,
                      required: e.target.checked
                        ? [...form.required, f]
                        : form.required.filter((r) => r !== f),
                    })
                  }
                />
                {fieldLabel(describe, f)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset disabled={!editable}>
          <legend className="text-sm font-medium text-slate-700">{t("handoff.recycle")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("handoff.recycleHint")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="recycle-days" label={t("handoff.cooldownDays")} error={err("cooldownDays")}>
              <Input
                id="recycle-days"
                type="number"
                inputMode="numeric"
                min={0}
                value={form.cooldownDays}
                aria-invalid={errors.cooldownDays ? true : undefined}
                onChange={(e) => onChange({ ...form, cooldownDays: e.target.value })}
              />
            </Field>
            <Field
              id="recycle-engagement"
              label={t("handoff.minNewEngagement")}
              error={err("minNewEngagement")}
            >
              <Input
                id="recycle-engagement"
                type="number"
                inputMode="decimal"
                min={0}
                value={form.minNewEngagement}
                aria-invalid={errors.minNewEngagement ? true : undefined}
                onChange={(e) => onChange({ ...form, minNewEngagement: e.target.value })}
              />
            </Field>
          </div>
        </fieldset>
      </div>
    </Card>
  );
}
