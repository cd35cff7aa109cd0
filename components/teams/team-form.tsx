"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { timeZoneChoices, zoneLabel } from "@/lib/domain/teams/time-zones";
import { errorKey } from "./error-key";

/** Name and time zone of a new or existing team. `onSave` resolves when the server agreed. */
export function TeamForm({
  initial,
  submitLabel,
  onSave,
  onCancel,
  pending,
  error,
}: {
  initial: { name: string; timeZone: string };
  submitLabel: string;
  onSave: (input: { name: string; timeZone: string }) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  const t = useTranslations("teams");
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [blank, setBlank] = useState(false);
  const failed = error ? errorKey(error) : null;
  const nameError = blank
    ? t("errors.nameRequired")
    : failed === "nameTaken" || failed === "nameRequired"
      ? t(`errors.${failed}`)
      : undefined;

  return (
    <form
      className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,14rem)_auto] sm:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return setBlank(true);
        setBlank(false);
        onSave({ name: name.trim(), timeZone });
      }}
    >
      <Field id={`${id}-name`} label={t("form.name")} error={nameError}>
        <Input
          id={`${id}-name`}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameError ? true : undefined}
          autoFocus
        />
      </Field>
      <Field id={`${id}-tz`} label={t("form.timeZone")}>
        <Select id={`${id}-tz`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
          {timeZoneChoices(initial.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zoneLabel(zone)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2 sm:pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? t("form.saving") : submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </div>
      {failed && !nameError && (
        <p className="text-sm text-rose-700 sm:col-span-3" role="alert">
          {t(`errors.${failed}`, { max: 1000 })}
        </p>
      )}
    </form>
  );
}
