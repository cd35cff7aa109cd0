"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/use-confirm";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { API_SCOPES, type ApiScope } from "@/lib/auth/scopes";
import { ApiError } from "@/lib/client/api";
import {
  apiKeyQueries,
  createApiKey,
  revokeApiKey,
  type ApiKey,
} from "@/lib/client/queries/settings";
import { useApiErrorText } from "@/lib/client/use-api-error";

const DEFAULT_SCOPES: ApiScope[] = ["events:write"];

export function ApiKeysPanel({ initial }: { initial: ApiKey[] }) {
  const t = useTranslations("settings.apiKeys");
  const [confirm, confirmDialog] = useConfirm();
  const format = useFormatter();
  const client = useQueryClient();
  const errorText = useApiErrorText();
  const nameId = useId();
  const list = apiKeyQueries.list();
  const keys = useQuery({ ...list, initialData: initial });
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(DEFAULT_SCOPES);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: () => createApiKey({ name, scopes }),
    onSuccess: (data) => {
      setSecret({ name: data.name, value: data.secret });
      // The next key starts from scratch: scopes ticked for this one must not leak into it.
      setName("");
      setScopes(DEFAULT_SCOPES);
      setCopied(false);
      client.invalidateQueries({ queryKey: apiKeyQueries.all });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeApiKey,
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: list.queryKey });
      const previous = client.getQueryData(list.queryKey);
      client.setQueryData(list.queryKey, (rows) =>
        rows?.map((r) => (r.id === id ? { ...r, revokedAt: new Date().toISOString() } : r)),
      );
      return { previous };
    },
    onError: (_e, _id, context) =>
      context?.previous && client.setQueryData(list.queryKey, context.previous),
    onSettled: () => client.invalidateQueries({ queryKey: apiKeyQueries.all }),
  });
  const fields = create.error instanceof ApiError ? create.error.fields : undefined;
  const date = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : "—";

  return (
    <Card aria-labelledby="api-keys-heading">
      <CardHeader id="api-keys-heading" title={t("title")} />
      <div className="space-y-5 px-4 py-4 sm:px-5">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <form
          className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] lg:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field id={nameId} label={t("name")} error={fields?.name?.[0]}>
            <Input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t("namePlaceholder")}
              aria-invalid={fields?.name ? true : undefined}
            />
          </Field>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("scopes")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {API_SCOPES.map((scope) => (
                <label
                  key={scope}
                  className="inline-flex min-h-8 items-center gap-2 text-sm text-slate-800"
                >
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
                    checked={scopes.includes(scope)}
                    onChange={(e) =>
                      setScopes((s) =>
                        e.target.checked ? [...s, scope] : s.filter((x) => x !== scope),
                      )
                    }
                  />
                  <code className="text-xs">{scope}</code>
                </label>
              ))}
            </div>
            {fields?.scopes && <p className="mt-1 text-sm text-rose-700">{fields.scopes[0]}</p>}
          </fieldset>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </Button>
        </form>
        {create.isError && !fields && (
          <p role="alert" className="text-sm text-rose-700">
            {errorText(create.error)}
          </p>
        )}
        {secret && (
          <div
            role="status"
            className="rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200"
            data-testid="api-key-secret"
          >
            <p className="text-sm font-medium text-emerald-900">
              {t("secretTitle", { name: secret.name })}
            </p>
            <p className="mt-1 text-xs text-emerald-800">{t("secretBody")}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code
                className="max-w-full overflow-x-auto rounded bg-white px-2 py-1 text-xs break-all text-slate-900 ring-1 ring-emerald-200"
                data-testid="api-key-secret-value"
              >
                {secret.value}
              </code>
              <Button
                variant="secondary"
                className="min-h-8 px-3 py-1 text-xs"
                onClick={async () => {
                  await navigator.clipboard?.writeText(secret.value).catch(() => {});
                  setCopied(true);
                }}
              >
                {copied ? t("copied") : t("copy")}
              </Button>
            </div>
          </div>
        )}
      </div>
      {keys.data.length === 0 ? (
        <p className="border-t border-slate-100 px-5 py-8 text-center text-sm text-slate-500">
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 border-t border-slate-100" data-testid="api-keys">
          {keys.data.map((key) => (
            <li
              key={key.id}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5"
              data-testid="api-key-row"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {key.name}
                  <code className="text-xs font-normal text-slate-500">acc_{key.prefix}_…</code>
                  {key.revokedAt ? (
                    <Badge tone="red">{t("revoked")}</Badge>
                  ) : (
                    <Badge tone="green">{t("active")}</Badge>
                  )}
                </p>
                <p className="mt-1 flex flex-wrap gap-1">
                  {key.scopes.map((s) => (
                    <Badge key={s} tone="slate">
                      {s}
                    </Badge>
                  ))}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  {t("meta", {
                    created: date(key.createdAt),
                    by: key.createdBy ?? "CLI",
                    used: date(key.lastUsedAt),
                  })}
                </p>
              </div>
              {!key.revokedAt && (
                <Button
                  variant="secondary"
                  className="text-rose-700"
                  onClick={async () => {
                    const yes = await confirm({
                      title: t("revokeConfirm", { name: key.name }),
                      action: t("revoke"),
                      danger: true,
                    });
                    if (yes) revoke.mutate(key.id);
                  }}
                >
                  {t("revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirmDialog}
    </Card>
  );
}
