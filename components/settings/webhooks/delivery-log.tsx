"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  resendWebhookDelivery,
  webhookQueries,
  type WebhookDelivery,
} from "@/lib/client/queries/webhooks";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { eventKey } from "./event-label";

type Shown = "queued" | "retrying" | "paused" | "succeeded" | "failed";

const TONE: Record<Shown, BadgeTone> = {
  queued: "blue",
  retrying: "amber",
  paused: "slate",
  succeeded: "green",
  failed: "red",
};

function shown(delivery: WebhookDelivery, endpointEnabled: boolean): Shown {
  if (delivery.status !== "pending") return delivery.status;
  if (!endpointEnabled) return "paused";
  return delivery.attempts > 0 ? "retrying" : "queued";
}

/**
 * An endpoint's deliveries, newest first. Refreshed every few seconds while something is pending,
 * so a test event is seen going out. The receiver's answer is shown as text (React escapes it).
 */
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const client = useQueryClient();
  const errorText = useApiErrorText();
  const query = useInfiniteQuery({
    ...webhookQueries.deliveries(endpointId),
    // Any shown delivery still pending (on any page loaded): watch it closely.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.data.some((d) => d.status === "pending")) ? 2_000 : 15_000,
  });
  const resend = useMutation({
    mutationFn: (deliveryId: number) => resendWebhookDelivery(endpointId, deliveryId),
    onSettled: () => client.invalidateQueries({ queryKey: webhookQueries.all }),
  });
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });

  if (query.isPending)
    return <p className="px-4 py-4 text-sm text-slate-500 sm:px-5">{t("log.title")}…</p>;
  if (query.isError)
    return (
      <p role="alert" className="px-4 py-4 text-sm text-rose-700 sm:px-5">
        {t("log.loadError")}
      </p>
    );
  const deliveries = query.data.pages.flatMap((p) => p.data);
  return (
    <section aria-label={t("log.title")} className="bg-slate-50/60" data-testid="delivery-log">
      {deliveries.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500 sm:px-5">{t("log.empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {deliveries.map((d) => {
            const state = shown(d, enabled);
            return (
              <li key={d.id} className="px-4 py-3 sm:px-5" data-testid="delivery-row">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Badge tone={TONE[state]}>{t(`log.status.${state}`)}</Badge>
                  <span className="text-sm font-medium text-slate-900">{t(eventKey(d.type))}</span>
                  <code className="text-xs text-slate-500">{d.type}</code>
                  <time dateTime={d.createdAt} className="text-xs text-slate-500">
                    {when(d.createdAt)}
                  </time>
                  {d.status !== "pending" && enabled && (
                    <Button
                      variant="secondary"
                      className="ml-auto min-h-8 px-3 py-1 text-xs"
                      disabled={resend.isPending && resend.variables === d.id}
                      onClick={() => resend.mutate(d.id)}
                    >
                      {t("log.resend")}
                    </Button>
                  )}
                </div>
                <p className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
                  <span>{t("log.attempts", { count: d.attempts })}</span>
                  {d.attempts > 0 && (
                    <span>
                      {d.responseStatus === null
                        ? t("log.noResponse")
                        : t("log.response", { status: d.responseStatus })}
                    </span>
                  )}
                  {d.latencyMs !== null && <span>{t("log.latency", { ms: d.latencyMs })}</span>}
                  {d.nextAttemptAt && state === "retrying" && (
                    <span>{t("log.nextAttempt", { when: when(d.nextAttemptAt) })}</span>
                  )}
                  {d.leadId && (
                    <Link
                      href={`/leads/${d.leadId}`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t("log.openLead")}
                    </Link>
                  )}
                  <span className="break-all text-slate-500">
                    {t("log.messageId", { id: d.messageId })}
                  </span>
                </p>
                {d.lastError && (
                  <p className="mt-1 text-xs break-words text-rose-700">
                    {d.errorKind && d.errorKind !== "other"
                      ? t(`log.errors.${d.errorKind}`, { status: d.responseStatus ?? "" })
                      : d.lastError}
                  </p>
                )}
                {d.responseBody && (
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer text-slate-600 hover:text-slate-900">
                      {t("log.responseBody")}
                    </summary>
                    <pre className="mt-1 max-h-40 overflow-auto rounded bg-white p-2 whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200">
                      {d.responseBody}
                    </pre>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {resend.isError && (
        <p role="alert" className="px-4 pb-3 text-sm text-rose-700 sm:px-5">
          {errorText(resend.error)}
        </p>
      )}
      {query.hasNextPage && (
        <div className="px-4 pb-3 sm:px-5">
          <Button
            variant="secondary"
            className="w-full"
            onClick={() => query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? "…" : t("log.loadMore")}
          </Button>
        </div>
      )}
    </section>
  );
}
