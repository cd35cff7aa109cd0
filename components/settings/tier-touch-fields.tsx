"use client";

import { useTranslations } from "next-intl";
import { Input, Select } from "@/components/ui/field";
import type { TierDraft } from "./sla-draft";
import { TierFieldError } from "./tier-field-error";
import type { TierErrorText } from "./use-tier-errors";

/** What the tier asks of the rep: the first touch within a delay, then a number of touches within days. */
export function TierTouchFields({
  tier,
  id,
  label,
  errors,
  onChange,
}: {
  tier: TierDraft;
  id: string;
  label: string;
  errors: TierErrorText;
  onChange: (patch: Partial<TierDraft>) => void;
}) {
  const t = useTranslations("salesSettings.sla");
  const { invalid, describedBy } = errors;
  return (
    <>
      <div className="col-span-2 lg:col-span-1">
        <label htmlFor={`${id}-first`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("firstTouch")}
        </label>
        <div className="flex gap-2">
          <div className="w-16 shrink-0">
            <Input
              id={`${id}-first`}
              aria-label={t("firstTouchOf", { name: label })}
              inputMode="numeric"
              value={tier.firstTouch}
              aria-invalid={invalid("firstTouch")}
              aria-describedby={describedBy("firstTouch")}
              onChange={(e) => onChange({ firstTouch: e.target.value })}
            />
          </div>
          <Select
            aria-label={t("unitOf", { name: label })}
            className="min-w-0"
            value={tier.unit}
            onChange={(e) => onChange({ unit: e.target.value as TierDraft["unit"] })}
          >
            <option value="hours">{t("hours")}</option>
            <option value="minutes">{t("minutes")}</option>
          </Select>
        </div>
        <TierFieldError field="firstTouch" errors={errors} />
      </div>
      <div>
        <label htmlFor={`${id}-touches`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("minTouches")}
        </label>
        <Input
          id={`${id}-touches`}
          aria-label={t("minTouchesOf", { name: label })}
          inputMode="numeric"
          value={tier.minTouches}
          aria-invalid={invalid("minTouches")}
          aria-describedby={describedBy("minTouches")}
          onChange={(e) => onChange({ minTouches: e.target.value })}
        />
        <TierFieldError field="minTouches" errors={errors} />
      </div>
      <div>
        <label htmlFor={`${id}-days`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("touchWindow")}
        </label>
        <Input
          id={`${id}-days`}
          aria-label={t("touchWindowOf", { name: label })}
          inputMode="numeric"
          value={tier.touchWindowDays}
          aria-invalid={invalid("touchWindowDays")}
          aria-describedby={describedBy("touchWindowDays")}
          onChange={(e) => onChange({ touchWindowDays: e.target.value })}
        />
        <TierFieldError field="touchWindowDays" errors={errors} />
      </div>
    </>
  );
}
