"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { GRADES, termsOf, type TierDraft, type TierErrors } from "./sla-draft";
import { useTierSentence } from "./sla-sentence";

type Props = {
  tier: TierDraft;
  index: number;
  count: number;
  errors: TierErrors;
  showErrors: boolean;
  editable: boolean;
  onChange: (patch: Partial<TierDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

const small = "min-h-9 px-2.5 py-1.5";

/** One SLA tier: its terms, the sentence they make, and the buttons that move or remove it. */
export function SlaTierRow({
  tier,
  index,
  count,
  errors,
  showErrors,
  editable,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const t = useTranslations("salesSettings.sla");
  const sentence = useTierSentence();
  const last = index === count - 1;
  const label = tier.name.trim() || t("untitled");
  const id = `tier-${tier.key}`;
  const err = (field: keyof TierErrors) =>
    showErrors && errors[field] ? t(`errors.${errors[field]}`) : undefined;
  const invalid = (field: keyof TierErrors) => (err(field) ? true : undefined);
  const describedBy = (field: keyof TierErrors) =>
    err(field) ? `${id}-${field}-error` : undefined;
  const message = (field: keyof TierErrors) =>
    err(field) && (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-rose-700">
        {err(field)}
      </p>
    );

  return (
    <li
      className="border-t border-slate-200 px-4 py-4 first:border-t-0 sm:px-5"
      data-testid="sla-tier"
      data-tier={tier.name}
    >
      <fieldset disabled={!editable} className="min-w-0 space-y-3">
        <legend className="sr-only">{t("tierHeading", { n: index + 1 })}</legend>
        <div className="flex flex-wrap items-start gap-3">
          <span
            aria-hidden
            className="mt-2 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700 ring-1 ring-brand-200 ring-inset"
          >
            {index + 1}
          </span>
          <div className="min-w-0 flex-1 basis-48">
            <label htmlFor={`${id}-name`} className="sr-only">
              {t("nameOf", { n: index + 1 })}
            </label>
            <Input
              id={`${id}-name`}
              value={tier.name}
              maxLength={100}
              placeholder={t("name")}
              className="font-medium"
              aria-invalid={invalid("name")}
              aria-describedby={describedBy("name")}
              onChange={(e) => onChange({ name: e.target.value })}
            />
            {message("name")}
          </div>
          {editable && (
            <div className="flex shrink-0 gap-1.5">
              <Button
                variant="secondary"
                className={small}
                aria-label={t("moveUp", { name: label })}
                disabled={index === 0}
                onClick={() => onMove(-1)}
                data-move={`up-${tier.key}`}
              >
                <span aria-hidden>↑</span>
                <span className="hidden sm:inline">{t("up")}</span>
              </Button>
              <Button
                variant="secondary"
                className={small}
                aria-label={t("moveDown", { name: label })}
                disabled={last}
                onClick={() => onMove(1)}
                data-move={`down-${tier.key}`}
              >
                <span aria-hidden>↓</span>
                <span className="hidden sm:inline">{t("down")}</span>
              </Button>
              <Button
                variant="secondary"
                className={cn(small, "text-rose-700")}
                aria-label={t("remove", { name: label })}
                disabled={count === 1}
                onClick={onRemove}
              >
                {t("removeShort")}
              </Button>
            </div>
          )}
        </div>

        <div className="space-y-3 sm:pl-9">
          <div className="grid grid-cols-2 gap-x-3 gap-y-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.9fr)_minmax(0,1fr)_minmax(0,1fr)]">
            {last ? (
              <p className="col-span-2 self-center text-sm text-slate-600">{t("everyoneElse")}</p>
            ) : (
              <>
                <div>
                  <label
                    htmlFor={`${id}-grade`}
                    className="mb-1 block text-sm font-medium text-slate-700"
                  >
                    {t("minGrade")}
                  </label>
                  <Select
                    id={`${id}-grade`}
                    aria-label={t("minGradeOf", { name: label })}
                    value={tier.minFitGrade}
                    aria-invalid={invalid("condition")}
                    aria-describedby={describedBy("condition")}
                    onChange={(e) =>
                      onChange({ minFitGrade: e.target.value as TierDraft["minFitGrade"] })
                    }
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
                  <label
                    htmlFor={`${id}-score`}
                    className="mb-1 block text-sm font-medium text-slate-700"
                  >
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
                    {message("condition")}
                    {message("minScore")}
                  </div>
                )}
              </>
            )}
            <div className="col-span-2 lg:col-span-1">
              <label
                htmlFor={`${id}-first`}
                className="mb-1 block text-sm font-medium text-slate-700"
              >
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
              {message("firstTouch")}
            </div>
            <div>
              <label
                htmlFor={`${id}-touches`}
                className="mb-1 block text-sm font-medium text-slate-700"
              >
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
              {message("minTouches")}
            </div>
            <div>
              <label
                htmlFor={`${id}-days`}
                className="mb-1 block text-sm font-medium text-slate-700"
              >
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
              {message("touchWindowDays")}
            </div>
          </div>

          <label className="inline-flex min-h-8 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
              checked={tier.reassignOnBreach}
              onChange={(e) => onChange({ reassignOnBreach: e.target.checked })}
            />
            {t("reassign")}
          </label>

          <p
            className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200 ring-inset"
            data-testid="tier-sentence"
          >
            {sentence(termsOf(tier, last))}
          </p>
        </div>
      </fieldset>
    </li>
  );
}
