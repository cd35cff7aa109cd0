"use client";

/** A manager's unread SLA breach notifications, above the team queue. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  markAllNotificationsRead,
  notificationQueries,
  type UnreadNotifications,
} from "@/lib/client/queries/inbox";
import { useAppNow, type AppClock } from "./sla-countdown";

/** Times are shown relative to the app clock (`clock`), not this browser's. */
export function Breaches({ clock }: { clock: AppClock }) {
  const [all, setAll] = useState(false);
  const t = useTranslations("inbox.breaches");
  const format = useFormatter();
  const client = useQueryClient();
  const unread = notificationQueries.unread();
  const query = useQuery({ ...unread, refetchInterval: 20_000 });
  const now = new Date(useAppNow(clock));
  const read = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () =>
      client.setQueryData<UnreadNotifications>(unread.queryKey, { items: [], unread: 0 }),
  });
  const items = (query.data?.items ?? []).filter((n) => n.kind.startsWith("sla_breach"));
  if (!items.length) return null;
  return (
    <section
      className="mb-4 rounded-xl bg-rose-50 px-4 py-3 ring-1 ring-rose-200"
      aria-labelledby="breaches-title"
      data-testid="breaches"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="breaches-title" className="text-sm font-semibold text-rose-900">
          {t("title", { count: query.data?.unread ?? items.length })}
        </h2>
        <Button
          variant="secondary"
          className="min-h-8 py-1 text-xs"
          onClick={() => read.mutate()}
          disabled={read.isPending}
        >
          {t("markRead")}
        </Button>
      </div>
      <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm text-rose-900">
        {items.slice(0, all ? items.length : 5).map((n) => {
          const d = n.data as {
            leadName?: string | null;
            repName?: string | null;
            reassignedToName?: string | null;
            breach?: string;
          };
          return (
            <li key={n.id} data-testid="breach">
              {t(n.kind === "sla_breach_touches" ? "touches" : "firstTouch", {
                lead: d.leadName ?? "—",
                rep: d.repName ?? t("nobody"),
              })}
              {d.reassignedToName && ` ${t("reassigned", { rep: d.reassignedToName })}`}
              <span className="ml-1 text-xs text-rose-700">
                {format.relativeTime(new Date(n.createdAt), now)}
              </span>
            </li>
          );
        })}
      </ul>
      {items.length > 5 && (
        <button
          type="button"
          className="mt-1 text-xs font-medium text-rose-900 underline"
          onClick={() => setAll(!all)}
          aria-expanded={all}
        >
          {all ? t("showFewer") : t("showAll", { count: items.length })}
        </button>
      )}
    </section>
  );
}
