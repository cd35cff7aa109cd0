"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { webhookQueries, type WebhookEndpoint } from "@/lib/client/queries/webhooks";
import { EndpointForm } from "./endpoint-form";
import { EndpointItem } from "./endpoint-item";
import { SecretDialog, type ShownSecret } from "./secret-dialog";

/** Settings → Webhooks (admins): the endpoints, adding and editing them, their delivery logs. */
export function WebhooksPanel({ initial }: { initial: WebhookEndpoint[] }) {
  const t = useTranslations("webhooks");
  const client = useQueryClient();
  const endpoints = useQuery({ ...webhookQueries.list(), initialData: initial });
  const [form, setForm] = useState<{ editing: WebhookEndpoint | null } | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const add = (
    <Button className="min-h-9 px-3 py-1.5" onClick={() => setForm({ editing: null })}>
      {t("add")}
    </Button>
  );
  return (
    <Card aria-labelledby="webhooks-heading" data-testid="webhooks-panel">
      <CardHeader id="webhooks-heading" title={t("title")} action={add} />
      <p className="border-b border-slate-100 px-4 py-3 text-sm text-slate-600 sm:px-5">
        {t("intro")}
      </p>
      {endpoints.isError && (
        <p role="alert" className="px-4 py-3 text-sm text-rose-700 sm:px-5">
          {t("loadError")}
        </p>
      )}
      {endpoints.data.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {endpoints.data.map((endpoint) => (
            <EndpointItem
              key={endpoint.id}
              endpoint={endpoint}
              onEdit={() => setForm({ editing: endpoint })}
              onSecret={setSecret}
            />
          ))}
        </ul>
      )}
      {form && (
        <EndpointForm
          key={form.editing?.id ?? "new"}
          open
          editing={form.editing}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            setForm(null);
            if (saved.secret) setSecret({ kind: "created", value: saved.secret });
            client.invalidateQueries({ queryKey: webhookQueries.all });
          }}
        />
      )}
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
