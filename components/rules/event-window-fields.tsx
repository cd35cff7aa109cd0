"use client";

import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/field";
import type { RuleDraft } from "./validate-rule";

/** How an engagement rule counts occurrences: a cap, a look-back window and a half-life. */
export function EventWindowFields({
  draft,
  set,
  err,
}: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  err: (key: string) => string | undefined;
}) {
  const t = useTranslations("editor");
  return (
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
  );
}
