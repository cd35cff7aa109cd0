"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { Reason } from "@/lib/client/queries/settings";
import { labelError } from "./reason-validation";

const small = "min-h-9 px-2.5 py-1.5";

export const reasonLabel = (reason: Reason, locale: string) =>
  locale === "fr" ? reason.labels.fr : reason.labels.en;

/** English and French labels of a reason; `onSave` gets only what changed. */
export function LabelsForm({
  reason,
  pending,
  onSave,
  onCancel,
}: {
  reason: Reason;
  pending: boolean;
  onSave: (labels: { en: string; fr: string }) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("salesSettings.reasons");
  const id = useId();
  const [en, setEn] = useState(reason.labels.en);
  const [fr, setFr] = useState(reason.labels.fr);
  const [tried, setTried] = useState(false);
  const enError = tried ? labelError(en) : null;
  const frError = tried ? labelError(fr) : null;
  return (
    <form
      className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (labelError(en) || labelError(fr)) return;
        onSave({ en: en.trim(), fr: fr.trim() });
      }}
    >
      <Field
        id={`${id}-en`}
        label={t("labelEn")}
        error={enError ? t(`errors.${enError}`) : undefined}
      >
        <Input
          id={`${id}-en`}
          lang="en"
          value={en}
          onChange={(e) => setEn(e.target.value)}
          aria-invalid={enError ? true : undefined}
          autoFocus
        />
      </Field>
      <Field
        id={`${id}-fr`}
        label={t("labelFr")}
        error={frError ? t(`errors.${frError}`) : undefined}
      >
        <Input
          id={`${id}-fr`}
          lang="fr"
          value={fr}
          onChange={(e) => setFr(e.target.value)}
          aria-invalid={frError ? true : undefined}
        />
      </Field>
      <div className="flex gap-2 sm:pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

/** An active reason: its labels and code, with edit, move and remove. */
export function ReasonRow({
  reason,
  first,
  last,
  editable,
  pending,
  onRelabel,
  onMove,
  onRemove,
}: {
  reason: Reason;
  first: boolean;
  last: boolean;
  editable: boolean;
  pending: boolean;
  onRelabel: (labels: { en: string; fr: string }, done: () => void) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("salesSettings.reasons");
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const label = reasonLabel(reason, locale);
  return (
    <li className="px-4 py-3 sm:px-5" data-testid="reason-row" data-code={reason.code}>
      {editing ? (
        <LabelsForm
          reason={reason}
          pending={pending}
          onCancel={() => setEditing(false)}
          onSave={(labels) => onRelabel(labels, () => setEditing(false))}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <div className="min-w-0 flex-1 basis-56">
            <p className="text-sm font-medium text-slate-900">{label}</p>
            <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
              <span lang={locale === "fr" ? "en" : "fr"}>
                {locale === "fr" ? reason.labels.en : reason.labels.fr}
              </span>
              <span aria-hidden>·</span>
              <code>{reason.code}</code>
            </p>
          </div>
          {editable && (
            <div className="flex shrink-0 flex-wrap gap-1.5">
              <Button
                variant="secondary"
                className={small}
                aria-label={t("moveUp", { label })}
                disabled={first}
                onClick={() => onMove(-1)}
                data-move={`up-${reason.id}`}
              >
                <span aria-hidden>↑</span>
              </Button>
              <Button
                variant="secondary"
                className={small}
                aria-label={t("moveDown", { label })}
                disabled={last}
                onClick={() => onMove(1)}
                data-move={`down-${reason.id}`}
              >
                <span aria-hidden>↓</span>
              </Button>
              <Button
                variant="secondary"
                className={small}
                aria-label={t("editOf", { label })}
                onClick={() => setEditing(true)}
              >
                {t("edit")}
              </Button>
              <Button
                variant="secondary"
                className={cn(small, "text-rose-700")}
                aria-label={t("removeOf", { label })}
                onClick={onRemove}
              >
                {t("remove")}
              </Button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
