"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { RuleDraft } from "./validate-rule";

export function RuleKindPicker({
  kind: current,
  onChange,
}: {
  kind: RuleDraft["kind"];
  onChange: (kind: RuleDraft["kind"]) => void;
}) {
  const t = useTranslations("editor");
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("panel.kind")}</legend>
      <div className="grid grid-cols-2 gap-2" role="radiogroup">
        {(["attribute", "event"] as const).map((kind) => (
          <label
            key={kind}
            className={cn(
              "flex cursor-pointer flex-col rounded-lg px-3 py-2 text-sm ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
              current === kind ? "bg-brand-50 ring-brand-300" : "ring-slate-200 hover:bg-slate-50",
            )}
          >
            <input
              type="radio"
              name="kind"
              className="sr-only"
              checked={current === kind}
              onChange={() => onChange(kind)}
            />
            <span className="font-medium text-slate-900">{t(`panel.kinds.${kind}`)}</span>
            <span className="text-xs text-slate-500">{t(`panel.kinds.${kind}Hint`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
