"use client";

import { useTranslations } from "next-intl";
import { Input, Select } from "@/components/ui/field";
import { GRADES, type TierDraft } from "./sla-draft";
import { TierFieldError } from "./tier-field-error";
import type { TierErrorText } from "./use-tier-errors";

/** Which leads the tier takes: a minimum fit grade and/or score (the last tier takes everyone else). */
export function TierConditionFields({
  tier,
  id,
  label,
  last,
  errors,
  onChange,
}: {
  tier: TierDraft;
  id: string;
  label: string;
  last: boolean;
  errors: TierErrorText;
  onChange: (patch: Partial<TierDraft>) => void;
}) {
  const t = useTranslations("salesSettings.sla");
  const { err, invalid, describedBy } = errors;
  if (last)
    return <p className="col-span-2 self-center text-sm text-slate-600">{t("everyoneElse")}</p>;
  return (
    <>
      <div>
        <label htmlFor={`${id}-grade`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("minGrade")}
        </label>
        <Select
          id={`${id}-grade`}
          aria-label={t("minGradeOf", { name: label })}
          value={tier.minFitGrade}
          aria-invalid={invalid("condition")}
          aria-describedby={describedBy("condition")}
          onChange={(e) => onChange({ minFitGrade: e.target.value as TierDraft["minFitGrade"] })}
        >
          <option value="">{t("anyGrade")}</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t("gradeOption", { grade: g })}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor={`${id}-score`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("minScore")}
        </label>
        <Input
          id={`${id}-score`}
          aria-label={t("minScoreOf", { name: label })}
          inputMode="decimal"
          placeholder={t("minScorePlaceholder")}
          value={tier.minScore}
          aria-invalid={invalid("minScore") ?? invalid("condition")}
          aria-describedby={describedBy("minScore") ?? describedBy("condition")}
          onChange={(e) => onChange({ minScore: e.target.value })}
        />
      </div>
      {(err("condition") || err("minScore")) && (
        <div className="col-span-2 -mt-2 lg:order-last lg:col-span-5">
          <TierFieldError field="condition" errors={errors} />
          <TierFieldError field="minScore" errors={errors} />
        </div>
      )}
    </>
  );
}
