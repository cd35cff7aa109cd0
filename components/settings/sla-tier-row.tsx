"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import { termsOf, type TierDraft, type TierErrors } from "./sla-draft";
import { useTierSentence } from "./sla-sentence";
import { TierConditionFields } from "./tier-condition-fields";
import { TierFieldError } from "./tier-field-error";
import { TierRowActions } from "./tier-row-actions";
import { TierTouchFields } from "./tier-touch-fields";
import { useTierErrors } from "./use-tier-errors";

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
  const fieldErrors = useTierErrors(id, errors, showErrors);
  const fields = { tier, id, label, errors: fieldErrors, onChange };

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
              aria-invalid={fieldErrors.invalid("name")}
              aria-describedby={fieldErrors.describedBy("name")}
              onChange={(e) => onChange({ name: e.target.value })}
            />
            <TierFieldError field="name" errors={fieldErrors} />
          </div>
          {editable && (
            <TierRowActions
              tierKey={tier.key}
              label={label}
              index={index}
              count={count}
              onMove={onMove}
              onRemove={onRemove}
            />
          )}
        </div>

        <div className="space-y-3 sm:pl-9">
          <div className="grid grid-cols-2 gap-x-3 gap-y-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.9fr)_minmax(0,1fr)_minmax(0,1fr)]">
            <TierConditionFields last={last} {...fields} />
            <TierTouchFields {...fields} />
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
