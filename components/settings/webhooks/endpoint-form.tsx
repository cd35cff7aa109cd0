"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api";
import { createWebhook, updateWebhook, type WebhookEndpoint } from "@/lib/client/queries/webhooks";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/shared/vocabulary";
import { eventHintKey, eventKey } from "./event-label";

type Saved = { id: string; secret?: string };

/** Adds an endpoint (`editing` null) or edits one: address, description, events by their labels. */
export function EndpointForm({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: WebhookEndpoint | null;
  onClose: () => void;
  onSaved: (saved: Saved) => void;
}) {
  const t = useTranslations("webhooks");
  const errorText = useApiErrorText();
  const ids = { url: useId(), description: useId(), events: useId() };
  const [url, setUrl] = useState(editing?.url ?? "");
  const [description, setDescription] = useState(editing?.description ?? "");
  const [types, setTypes] = useState<WebhookEventType[]>(editing?.eventTypes ?? ["lead.mql"]);
  const save = useMutation({
    mutationFn: async (): Promise<Saved> =>
      editing
        ? updateWebhook(editing.id, { url, description, eventTypes: types })
        : createWebhook({ url, description, eventTypes: types }),
    onSuccess: onSaved,
    // Focus goes to the field to fix, whose message is read with it (aria-describedby).
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields ?? {}).includes("url"))
        document.getElementById(ids.url)?.focus();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : undefined;
  // The server names the field (`eventTypes.1` for one bad type); the words are ours, translated.
  const fieldError = (name: "url" | "description" | "eventTypes") =>
    fields && Object.keys(fields).some((k) => k === name || k.startsWith(`${name}.`))
      ? t(`form.errors.${name}`)
      : undefined;
  const urlError = fieldError("url");
  const eventsError = fieldError("eventTypes");
  const formId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      labelledBy="webhook-form-title"
      title={editing ? t("form.editTitle") : t("form.createTitle")}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("form.cancel")}
          </Button>
          <Button type="submit" form={formId} disabled={save.isPending}>
            {editing
              ? save.isPending
                ? t("form.saving")
                : t("form.save")
              : save.isPending
                ? t("form.creating")
                : t("form.create")}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field id={ids.url} label={t("form.url")} hint={t("form.urlHint")} error={urlError}>
          <Input
            id={ids.url}
            type="url"
            inputMode="url"
            autoComplete="off"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder={t("form.urlPlaceholder")}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? `${ids.url}-error` : undefined}
            autoFocus
          />
        </Field>
        <Field id={ids.description} label={t("form.description")} error={fieldError("description")}>
          <Input
            id={ids.description}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder={t("form.descriptionPlaceholder")}
          />
        </Field>
        <fieldset aria-describedby={eventsError ? ids.events : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("form.events")}</legend>
          <div className="space-y-2.5">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-start gap-2.5 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
                  checked={types.includes(type)}
                  onChange={(e) =>
                    setTypes((s) => (e.target.checked ? [...s, type] : s.filter((x) => x !== type)))
                  }
                />
                <span>
                  <span className="font-medium">{t(eventKey(type))}</span>{" "}
                  <code className="text-xs whitespace-nowrap text-slate-500">{type}</code>
                  <span className="block text-xs text-slate-500">{t(eventHintKey(type))}</span>
                </span>
              </label>
            ))}
          </div>
          {eventsError && (
            <p id={ids.events} className="mt-1 text-sm text-rose-700">
              {eventsError}
            </p>
          )}
        </fieldset>
        {save.isError && !fields && (
          <p role="alert" className="text-sm text-rose-700">
            {errorText(save.error)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
