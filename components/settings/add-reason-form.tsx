"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { Reason, ReasonCreateInput } from "@/lib/client/queries/settings";
import { codeError, labelError, suggestCode } from "./reason-validation";

/** A new reason: labels in both languages and a code (suggested from the English label). */
export function AddReasonForm({
  kind,
  pending,
  serverError,
  onAdd,
  onCancel,
}: {
  kind: Reason["kind"];
  pending: boolean;
  serverError?: string;
  onAdd: (input: ReasonCreateInput, done: () => void) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("salesSettings.reasons");
  const id = useId();
  const [en, setEn] = useState("");
  const [fr, setFr] = useState("");
  const [code, setCode] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const effectiveCode = code ?? suggestCode(en);
  const errors = { en: labelError(en), fr: labelError(fr), code: codeError(effectiveCode) };
  const shown = (field: keyof typeof errors) =>
    tried && errors[field] ? t(`errors.${errors[field]}`) : undefined;

  return (
    <form
      noValidate
      aria-label={t("addTo", { kind: t(`kinds.${kind}`) })}
      className="grid gap-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (errors.en || errors.fr || errors.code) return;
        onAdd(
          { kind, code: effectiveCode.trim(), labels: { en: en.trim(), fr: fr.trim() } },
          () => {
            setEn("");
            setFr("");
            setCode(null);
            setTried(false);
          },
        );
      }}
    >
      <Field id={`${id}-en`} label={t("labelEn")} error={shown("en")}>
        <Input
          id={`${id}-en`}
          lang="en"
          value={en}
          maxLength={140}
          aria-label={t("newLabelEnOf", { kind: t(`kinds.${kind}`) })}
          onChange={(e) => setEn(e.target.value)}
          aria-invalid={shown("en") ? true : undefined}
          autoFocus
        />
      </Field>
      <Field id={`${id}-fr`} label={t("labelFr")} error={shown("fr")}>
        <Input
          id={`${id}-fr`}
          lang="fr"
          value={fr}
          maxLength={140}
          aria-label={t("newLabelFrOf", { kind: t(`kinds.${kind}`) })}
          onChange={(e) => setFr(e.target.value)}
          aria-invalid={shown("fr") ? true : undefined}
        />
      </Field>
      <Field
        id={`${id}-code`}
        label={t("code")}
        hint={t("codeHint")}
        error={shown("code") ?? serverError}
      >
        <Input
          id={`${id}-code`}
          value={effectiveCode}
          maxLength={48}
          className="font-mono"
          aria-label={t("codeOf", { kind: t(`kinds.${kind}`) })}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={shown("code") || serverError ? true : undefined}
        />
      </Field>
      <div className="flex gap-2 sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
