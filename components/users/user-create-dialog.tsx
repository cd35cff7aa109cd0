"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { UserRow } from "@/lib/client/queries/users";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { PASSWORD_MIN } from "@/lib/domain/users/schemas";
import { useUserFieldErrors } from "./field-errors";
import { capacityOf, PlacementFields, type Placement } from "./placement-fields";
import { useCreateUser } from "./use-users";

export type Created = {
  user: UserRow;
  invitation: { path: string; expiresAt: string } | null;
};

const NEW_PLACEMENT: Placement = { role: "rep", teamId: "", timeZone: "UTC", capacity: "50" };

/** Add a person: they sign in with a password set now, or choose one through a one-time link. */
export function UserCreateDialog({
  open,
  onClose,
  onCreated,
  teams,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: Created) => void;
  teams: { id: string; name: string }[];
}) {
  const t = useTranslations("users");
  const id = useId();
  const create = useCreateUser();
  const errors = useUserFieldErrors(create.error);
  const errorText = useApiErrorText();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [placement, setPlacement] = useState<Placement>(NEW_PLACEMENT);
  const [how, setHow] = useState<"invite" | "password">("invite");
  const [password, setPassword] = useState("");

  const reset = () => {
    setName("");
    setEmail("");
    setPlacement(NEW_PLACEMENT);
    setHow("invite");
    setPassword("");
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = () =>
    create.mutate(
      {
        name,
        email,
        role: placement.role,
        teamId: placement.teamId || null,
        timeZone: placement.timeZone,
        capacity: capacityOf(placement.capacity),
        ...(how === "password" ? { password } : {}),
      },
      {
        onSuccess: (created) => {
          reset();
          onCreated(created);
        },
      },
    );
  const described = (field: keyof typeof errors, fieldId: string) =>
    errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${fieldId}-error` } : {};

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t("create.title")}
      description={t("create.intro")}
      labelledBy="user-create-title"
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={`${id}-form`} disabled={create.isPending}>
            {create.isPending
              ? t("create.saving")
              : how === "invite"
                ? t("create.submitInvite")
                : t("create.submitPassword")}
          </Button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="grid gap-4 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {create.isError && (
          <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
            {Object.keys(errors).length ? t("create.fix") : errorText(create.error)}
          </p>
        )}
        <Field id={`${id}-name`} label={t("fields.name")} error={errors.name}>
          <Input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            {...described("name", `${id}-name`)}
          />
        </Field>
        <Field id={`${id}-email`} label={t("fields.email")} error={errors.email}>
          <Input
            id={`${id}-email`}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            {...described("email", `${id}-email`)}
          />
        </Field>
        <PlacementFields
          id={id}
          value={placement}
          onChange={setPlacement}
          teams={teams}
          errors={errors}
        />
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("create.how")}</legend>
          <div className="space-y-2">
            {(["invite", "password"] as const).map((option) => (
              <label key={option} className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name={`${id}-how`}
                  className="mt-0.5 size-4 border-slate-300 text-brand-600 focus:ring-brand-600"
                  checked={how === option}
                  onChange={() => setHow(option)}
                />
                <span>
                  {t(`create.${option}`)}
                  <span className="block text-xs text-slate-600">{t(`create.${option}Hint`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {how === "password" && (
          <Field
            id={`${id}-password`}
            label={t("fields.password")}
            hint={t("fields.passwordHint", { min: PASSWORD_MIN })}
            error={errors.password}
            className="sm:col-span-2"
          >
            <Input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...described("password", `${id}-password`)}
            />
          </Field>
        )}
      </form>
    </Dialog>
  );
}
