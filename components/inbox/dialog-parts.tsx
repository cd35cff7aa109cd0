"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";

/** Cancel, and the submit button of the form it names (the form sits in the dialog's body). */
export function DialogFooter({
  onClose,
  submitLabel,
  form,
  pending = false,
}: {
  onClose: () => void;
  submitLabel: string;
  form: string;
  pending?: boolean;
}) {
  const t = useTranslations("inbox.dialogs");
  return (
    <>
      <Button variant="secondary" onClick={onClose}>
        {t("cancel")}
      </Button>
      <Button
        type="submit"
        form={form}
        data-testid="dialog-submit"
        disabled={pending}
        aria-busy={pending}
      >
        {submitLabel}
      </Button>
    </>
  );
}

export function NoteField({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (v: string) => void;
  id: string;
}) {
  const t = useTranslations("inbox.dialogs");
  return (
    <Field id={id} label={t("note")}>
      <textarea
        id={id}
        rows={2}
        className={controlClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t("notePlaceholder")}
      />
    </Field>
  );
}
