"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { LEAD_FIELDS, type Rule } from "@/lib/domain/scoring/model";
import { ConditionEditor } from "./condition-editor";
import { describeRule, eventLabel, fieldLabel, propertyLabel } from "./describe-rule";
import { usePropertySuggestions, useSuggestions } from "./use-scoring";
import { isNumericField, ruleFromDraft, validateRuleDraft, type RuleDraft } from "./validate-rule";

const OTHER = "__other__";

export function RulePanel({
  open,
  initial,
  isNew,
  onSave,
  onClose,
  onCandidate,
  impact,
}: {
  open: boolean;
  initial: RuleDraft;
  isNew: boolean;
  onSave: (rule: Rule) => void;
  onClose: () => void;
  /** The rule as currently typed, when valid (for the live preview), else null. */
  onCandidate: (rule: Rule | null) => void;
  impact: ReactNode;
}) {
  const t = useTranslations("editor");
  const describe = useTranslations("rules.describe");
  const locale = useLocale();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [customEvent, setCustomEvent] = useState(false);
  const [customTrait, setCustomTrait] = useState(false);
  const suggestions = useSuggestions();
  const properties = usePropertySuggestions(draft.kind === "event" ? draft.event : "");
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);

  const set = (patch: Partial<RuleDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (tried) setErrors(check(withLabel(next)));
  };

  // The label defaults to the rule in plain words, so a marketer need not invent one.
  const sentence = useMemo(() => {
    try {
      return describeRule(describe, ruleFromDraft({ ...draft, label: draft.label || "…" }), locale);
    } catch {
      return null;
    }
  }, [draft, describe, locale]);
  const withLabel = (d: RuleDraft) => (d.label.trim() || !sentence ? d : { ...d, label: sentence });
  // An empty label is filled from the sentence once the rule is complete: never an error of its own.
  const check = (d: RuleDraft) => validateRuleDraft(d.label.trim() ? d : { ...d, label: "…" });

  useEffect(() => {
    const candidate = withLabel(draft);
    onCandidate(
      Object.keys(check(candidate)).length || !candidate.label.trim()
        ? null
        : ruleFromDraft(candidate),
    );
    // withLabel only depends on draft and sentence
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, sentence, onCandidate]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const close = () => {
    if (dirty && !window.confirm(t("panel.discard"))) return;
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const candidate = withLabel(draft);
    const found = check(candidate);
    setTried(true);
    setErrors(found);
    if (Object.keys(found).length) {
      const first = Object.keys(found)[0].replace(/\./g, "-");
      document.getElementById(`rule-${first}`)?.focus();
      return;
    }
    onSave(ruleFromDraft(candidate));
  };

  const events = suggestions.data?.events ?? [];
  const knownEvent = events.some((e) => e.value === draft.event);
  const showEventInput =
    customEvent || (draft.event !== "" && !knownEvent && !suggestions.isLoading);
  const traitKeys = suggestions.data?.traits ?? [];
  const fieldValues = suggestions.data?.fields.find((f) => f.field === draft.field)?.values ?? [];
  const isTrait = draft.field.startsWith("traits.");
  const errorCount = Object.keys(errors).length;
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);

  return (
    <Dialog
      open={open}
      onClose={close}
      side
      title={isNew ? t("panel.newTitle") : t("panel.editTitle")}
      description={sentence ?? t("panel.describeHint")}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t("panel.cancel")}
          </Button>
          <Button type="submit" form="rule-form">
            {t("panel.save")}
          </Button>
        </>
      }
    >
      <form id="rule-form" onSubmit={submit} className="space-y-5" noValidate>
        {impact}
        {errorCount > 0 && (
          <p
            role="alert"
            className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
          >
            {t("panel.fix", { count: errorCount })}
          </p>
        )}
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("panel.kind")}</legend>
          <div className="grid grid-cols-2 gap-2" role="radiogroup">
            {(["attribute", "event"] as const).map((kind) => (
              <label
                key={kind}
                className={cn(
                  "flex cursor-pointer flex-col rounded-lg px-3 py-2 text-sm ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
                  draft.kind === kind
                    ? "bg-brand-50 ring-brand-300"
                    : "ring-slate-200 hover:bg-slate-50",
                )}
              >
                <input
                  type="radio"
                  name="kind"
                  className="sr-only"
                  checked={draft.kind === kind}
                  onChange={() => set({ kind })}
                />
                <span className="font-medium text-slate-900">{t(`panel.kinds.${kind}`)}</span>
                <span className="text-xs text-slate-500">{t(`panel.kinds.${kind}Hint`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {draft.kind === "attribute" ? (
          <div className="space-y-3">
            <Field id="rule-field" label={t("panel.field")} error={err("field")}>
              <Select
                id="rule-field"
                value={isTrait ? (customTrait ? OTHER : draft.field) : draft.field}
                onChange={(e) => {
                  const v = e.target.value;
                  if (v === OTHER) {
                    setCustomTrait(true);
                    set({ field: "traits." });
                  } else {
                    setCustomTrait(false);
                    set({ field: v, op: isNumericField(v) ? "gte" : "eq", value: "", values: [] });
                  }
                }}
              >
                <optgroup label={t("panel.leadFields")}>
                  {LEAD_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {fieldLabel(describe, f)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("panel.traits")}>
                  {traitKeys.map((k) => (
                    <option key={k.value} value={`traits.${k.value}`}>
                      {t("panel.traitOption", { key: k.value, count: number(k.count) })}
                    </option>
                  ))}
                  <option value={OTHER}>{t("panel.otherTrait")}</option>
                </optgroup>
              </Select>
            </Field>
            {isTrait && customTrait && (
              <Field id="rule-trait-key" label={t("panel.traitKey")}>
                <Input
                  id="rule-trait-key"
                  value={draft.field.slice("traits.".length)}
                  onChange={(e) => set({ field: `traits.${e.target.value.trim()}` })}
                />
              </Field>
            )}
            <ConditionEditor
              idPrefix="rule"
              condition={draft}
              numeric={isNumericField(draft.field)}
              suggestions={fieldValues}
              error={errors.value}
              onChange={(c) => set(c)}
            />
          </div>
        ) : (
          <div className="space-y-4">
            <Field
              id="rule-event"
              label={t("panel.event")}
              error={err("event")}
              hint={t("panel.eventHint")}
            >
              <Select
                id="rule-event"
                value={showEventInput ? OTHER : draft.event}
                onChange={(e) => {
                  const v = e.target.value;
                  setCustomEvent(v === OTHER);
                  set({ event: v === OTHER ? "" : v, where: [] });
                }}
                aria-invalid={errors.event ? true : undefined}
              >
                <option value="">
                  {suggestions.isLoading ? t("panel.loading") : t("panel.chooseEvent")}
                </option>
                {events.map((e) => (
                  <option key={e.value} value={e.value}>
                    {t("panel.eventOption", {
                      label: eventLabel(describe, e.value),
                      name: e.value,
                      count: number(e.count),
                    })}
                  </option>
                ))}
                <option value={OTHER}>{t("panel.otherEvent")}</option>
              </Select>
            </Field>
            {showEventInput && (
              <Field id="rule-event-name" label={t("panel.eventName")}>
                <Input
                  id="rule-event-name"
                  value={draft.event}
                  onChange={(e) => set({ event: e.target.value })}
                />
              </Field>
            )}
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium text-slate-700">
                {t("panel.conditions")}
              </legend>
              {draft.where.length === 0 && (
                <p className="text-sm text-slate-500">{t("panel.noConditions")}</p>
              )}
              {draft.where.map((w, i) => {
                const prop = properties.data?.find((p) => p.key === w.property);
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
                            {properties.isLoading ? t("panel.loading") : t("panel.chooseProperty")}
                          </option>
                          {(properties.data ?? []).map((p) => (
                            <option key={p.key} value={p.key}>
                              {t("panel.propertyOption", {
                                label: propertyLabel(describe, p.key),
                                count: number(p.count),
                              })}
                            </option>
                          ))}
                          {w.property && !properties.data?.some((p) => p.key === w.property) && (
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
                        property: properties.data?.[0]?.key ?? "",
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
            <div className="grid gap-3 sm:grid-cols-3">
              <Field
                id="rule-maxCount"
                label={t("panel.maxCount")}
                hint={t("panel.maxCountHint")}
                error={err("maxCount")}
              >
                <Input
                  id="rule-maxCount"
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={draft.maxCount}
                  onChange={(e) => set({ maxCount: e.target.value })}
                />
              </Field>
              <Field
                id="rule-withinDays"
                label={t("panel.withinDays")}
                hint={t("panel.withinDaysHint")}
                error={err("withinDays")}
              >
                <Input
                  id="rule-withinDays"
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={draft.withinDays}
                  onChange={(e) => set({ withinDays: e.target.value })}
                />
              </Field>
              <Field
                id="rule-halfLifeDays"
                label={t("panel.halfLife")}
                hint={t("panel.halfLifeHint")}
                error={err("halfLifeDays")}
              >
                <Input
                  id="rule-halfLifeDays"
                  type="number"
                  min={1}
                  inputMode="decimal"
                  value={draft.halfLifeDays}
                  onChange={(e) => set({ halfLifeDays: e.target.value })}
                />
              </Field>
            </div>
          </div>
        )}

        <div className="grid gap-3 sm:grid-cols-[8rem_minmax(0,1fr)]">
          <Field
            id="rule-points"
            label={t("panel.points")}
            hint={t("panel.pointsHint")}
            error={err("points")}
          >
            <Input
              id="rule-points"
              type="number"
              inputMode="decimal"
              step="any"
              value={draft.points}
              onChange={(e) => set({ points: e.target.value })}
            />
          </Field>
          <Field
            id="rule-label"
            label={t("panel.label")}
            hint={t("panel.labelHint")}
            error={err("label")}
          >
            <Input
              id="rule-label"
              value={draft.label}
              placeholder={sentence ?? ""}
              onChange={(e) => set({ label: e.target.value })}
            />
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300"
            checked={draft.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          {t("panel.enabled")}
        </label>
      </form>
    </Dialog>
  );
}
