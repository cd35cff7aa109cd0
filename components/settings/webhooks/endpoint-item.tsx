"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/use-confirm";
import {
  deleteWebhook,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhook,
  webhookQueries,
  type WebhookEndpoint,
} from "@/lib/client/queries/webhooks";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { DeliveryLog } from "./delivery-log";
import { eventKey } from "./event-label";
import type { ShownSecret } from "./secret-dialog";

const small = "min-h-8 px-3 py-1 text-xs";

/** One endpoint: where it sends, what, how it is doing, and what an admin can do with it. */
export function EndpointItem({
  endpoint,
  onEdit,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  onEdit: () => void;
  onSecret: (secret: ShownSecret) => void;
}) {
  const t = useTranslations("webhooks");
  const [confirm, confirmDialog] = useConfirm();
  const format = useFormatter();
  const client = useQueryClient();
  const errorText = useApiErrorText();
  const logId = useId();
  const [logOpen, setLogOpen] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: webhookQueries.all });
  const test = useMutation({
    mutationFn: () => sendWebhookTest(endpoint.id),
    onSuccess: () => setLogOpen(true),
    onSettled: refresh,
  });
  const toggle = useMutation({
    mutationFn: () => updateWebhook(endpoint.id, { enabled: !endpoint.enabled }),
    onSettled: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => rotateWebhookSecret(endpoint.id),
    onSuccess: (data) =>
      onSecret({ kind: "rotated", value: data.secret, previousUntil: data.previousSecretUntil }),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteWebhook(endpoint.id), onSettled: refresh });
  const failed = [test, toggle, rotate, remove].find((m) => m.isError);
  const date = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <li data-testid="webhook-row">
      <div className="space-y-2 px-4 py-4 sm:px-5">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="font-mono text-sm break-all text-slate-900">{endpoint.url}</p>
            {endpoint.description && (
              <p className="mt-0.5 text-sm text-slate-600">{endpoint.description}</p>
            )}
          </div>
          {endpoint.enabled ? (
            <Badge tone="green">{t("status.enabled")}</Badge>
          ) : (
            <Badge tone={endpoint.disabledReason === "admin" ? "slate" : "red"}>
              {t("status.disabled")}
            </Badge>
          )}
        </div>
        {!endpoint.enabled && endpoint.disabledReason && (
          <p className="text-sm text-slate-700">{t(`status.reason.${endpoint.disabledReason}`)}</p>
        )}
        <ul className="flex flex-wrap gap-1" aria-label={t("form.events")}>
          {endpoint.eventTypes.map((type) => (
            <li key={type}>
              <Badge tone="indigo">{t(eventKey(type))}</Badge>
            </li>
          ))}
        </ul>
        <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500">
          <span>{t("secretPrefix", { prefix: endpoint.secretPrefix })}</span>
          <span>{t("pending", { count: endpoint.pending })}</span>
          {endpoint.lastDelivery && (
            <span>
              {t("lastDelivery", {
                when: date(endpoint.lastDelivery.at),
                status:
                  endpoint.lastDelivery.responseStatus === null
                    ? t("log.noResponse")
                    : t("log.response", { status: endpoint.lastDelivery.responseStatus }),
              })}
            </span>
          )}
        </p>
        {endpoint.failingSince && (
          <p className="text-xs text-amber-800">
            {t("failing", {
              since: date(endpoint.failingSince),
              count: endpoint.consecutiveFailures,
            })}
          </p>
        )}
        {endpoint.previousSecretUntil && (
          <p className="text-xs text-slate-500">
            {t("previousSecret", { until: date(endpoint.previousSecretUntil) })}
          </p>
        )}
        <div
          className="flex flex-wrap gap-2 pt-1"
          role="group"
          aria-label={t("actions.label", { url: endpoint.url })}
        >
          <Button
            variant="secondary"
            className={small}
            disabled={!endpoint.enabled || test.isPending}
            onClick={() => test.mutate()}
          >
            {t("actions.sendTest")}
          </Button>
          <Button
            variant="secondary"
            className={small}
            aria-expanded={logOpen}
            aria-controls={logId}
            onClick={() => setLogOpen((o) => !o)}
          >
            {t("actions.showLog")}
          </Button>
          <Button variant="secondary" className={small} onClick={onEdit}>
            {t("actions.edit")}
          </Button>
          <Button
            variant="secondary"
            className={small}
            disabled={toggle.isPending}
            onClick={() => toggle.mutate()}
          >
            {endpoint.enabled ? t("actions.disable") : t("actions.enable")}
          </Button>
          <Button
            variant="secondary"
            className={small}
            disabled={rotate.isPending}
            onClick={async () => {
              const yes = await confirm({
                title: t("actions.rotateConfirm", { url: endpoint.url }),
                action: t("actions.rotate"),
                danger: true,
              });
              if (yes) rotate.mutate();
            }}
          >
            {t("actions.rotate")}
          </Button>
          <Button
            variant="secondary"
            className={`${small} text-rose-700`}
            disabled={remove.isPending}
            onClick={async () => {
              const yes = await confirm({
                title: t("actions.deleteConfirm", { url: endpoint.url }),
                action: t("actions.delete"),
                danger: true,
              });
              if (yes) remove.mutate();
            }}
          >
            {t("actions.delete")}
          </Button>
        </div>
        <p role="status" className="text-sm text-emerald-800">
          {test.isSuccess ? t("actions.testQueued") : ""}
        </p>
        {failed && (
          <p role="alert" className="text-sm text-rose-700">
            {errorText(failed.error)}
          </p>
        )}
      </div>
      <div id={logId} hidden={!logOpen} className="border-t border-slate-100">
        {logOpen && <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} />}
      </div>
      {confirmDialog}
    </li>
  );
}
