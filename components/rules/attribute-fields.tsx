"use client";

import { useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import { LEAD_FIELDS } from "@/lib/domain/scoring/model";
import { ConditionEditor } from "./condition-editor";
import { fieldLabel } from "./describe-rule";
import type { Suggestions } from "@/lib/client/queries/scoring";
import { isNumericField, type RuleDraft, type RuleErrors } from "./validate-rule";

const OTHER = "__other__";

/** A fit rule: which lead field or trait, and the condition on its value. */
export function AttributeFields({
  draft,
  set,
  errors,
  err,
  suggestions,
  customTrait,
  onCustomTrait,
}: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  errors: RuleErrors;
  err: (key: string) => string | undefined;
  suggestions: Suggestions | undefined;
  /** The trait key is typed rather than picked. */
  customTrait: boolean;
  onCustomTrait: (custom: boolean) => void;
}) {
  const t = useTranslations("editor");
  const describe = useTranslations("rules.describe");
  const traitKeys = suggestions?.traits ?? [];
  const fieldValues = suggestions?.fields.find((f) => f.field === draft.field)?.values ?? [];
  const isTrait = draft.field.startsWith("traits.");
  return (
    <div className="space-y-3">
      <Field id="rule-field" label={t("panel.field")} error={err("field")}>
        <Select
          id="rule-field"
          value={isTrait ? (customTrait ? OTHER : draft.field) : draft.field}
          onChange={(e) => {
            const v = e.target.value;
            if (v === OTHER) {
              onCustomTrait(true);
              set({ field: "traits." });
            } else {
              onCustomTrait(false);
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
                {t("panel.traitOption", { key: k.value, count: k.count })}
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
  );
}
