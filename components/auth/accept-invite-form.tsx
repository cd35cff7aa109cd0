"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInviteAction, type AcceptInviteState } from "@/app/(auth)/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/domain/users/schemas";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("users.invite");
  const [state, action, pending] = useActionState<AcceptInviteState, FormData>(
    acceptInviteAction,
    {},
  );
  const passwordError =
    state.error === "password" ? t("errors.password", { min: PASSWORD_MIN }) : undefined;
  const confirmError = state.error === "mismatch" ? t("errors.mismatch") : undefined;
  const linkError =
    state.error && !passwordError && !confirmError ? t(`problems.${state.error}`) : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {linkError && (
        <div
          role="alert"
          className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          {linkError}
        </div>
      )}
      <Field id="invite-email" label={t("email")}>
        <Input
          id="invite-email"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          readOnly
        />
      </Field>
      <Field
        id="invite-password"
        label={t("password")}
        hint={t("passwordHint", { min: PASSWORD_MIN })}
        error={passwordError}
      >
        <Input
          id="invite-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "invite-password-error" : undefined}
        />
      </Field>
      <Field id="invite-confirm" label={t("confirm")} error={confirmError}>
        <Input
          id="invite-confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? "invite-confirm-error" : undefined}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
