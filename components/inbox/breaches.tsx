"use client";

/**
 * A manager's SLA breach notifications, above the team queue: the unread ones first, each linking
 * to its lead. "Mark all as read" keeps them, read, under a toggle: the history is not erased.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  markAllNotificationsRead,
  notificationQueries,
  type RecentNotifications,
} from "@/lib/client/queries/inbox";
import { useAppNow, type AppClock } from "./sla-countdown";

const SHOWN = 5;

/** Times are shown relative to the app clock (`clock`), not this browser's. */
export function Breaches({
  clock,
  initial,
}: {
  clock: AppClock;
  /** As read with the page (so the notices do not push the queue down once they arrive). */
  initial: RecentNotifications | null;
}) {
  const [allUnread, setAllUnread] = useState(false);
  const [showRead, setShowRead] = useState(false);
  const t = useTranslations("inbox.breaches");
  const format = useFormatter();
  const client = useQueryClient();
  const recent = notificationQueries.recent();
  const query = useQuery({
    ...recent,
    initialData: initial ?? undefined,
    refetchInterval: 20_000,
  });
  const now = new Date(useAppNow(clock));
  const read = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => {
      const at = new Date(clock.now || Date.now()).toISOString();
      client.setQueryData<RecentNotifications>(recent.queryKey, (d) =>
        d ? { unread: 0, items: d.items.map((n) => ({ ...n, readAt: n.readAt ?? at })) } : d,
      );
      void client.invalidateQueries({ queryKey: notificationQueries.all });
    },
  });
  const breaches = (query.data?.items ?? []).filter((n) => n.kind.startsWith("sla_breach"));
  if (!breaches.length) return null;
  const unread = breaches.filter((n) => !n.readAt);
  const seen = breaches.filter((n) => n.readAt);

  const item = (n: (typeof breaches)[number]) => {
    const d = n.data as {
      leadName?: string | null;
      repName?: string | null;
      reassignedToName?: string | null;
    };
    const text = t(n.kind === "sla_breach_touches" ? "touches" : "firstTouch", {
      lead: d.leadName ?? "—",
      rep: d.repName ?? t("nobody"),
    });
    return (
      <li key={n.id} data-testid="breach" data-read={Boolean(n.readAt)}>
        {n.leadId ? (
          <Link href={`/leads/${n.leadId}`} className="underline-offset-2 hover:underline">
            {text}
          </Link>
        ) : (
          text
        )}
        {d.reassignedToName && ` ${t("reassigned", { rep: d.reassignedToName })}`}
        <span className="ml-1 text-xs opacity-80">
          {format.relativeTime(new Date(n.createdAt), now)}
        </span>
      </li>
    );
  };

  return (
    <section
      className={cn(
        "mb-4 rounded-xl px-4 py-3 ring-1",
        unread.length ? "bg-rose-50 ring-rose-200" : "bg-white ring-slate-200",
      )}
      aria-labelledby="breaches-title"
      data-testid="breaches"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2
          id="breaches-title"
          className={cn(
            "text-sm font-semibold",
            unread.length ? "text-rose-900" : "text-slate-800",
          )}
        >
          {unread.length ? t("title", { count: unread.length }) : t("noneUnread")}
        </h2>
        <div className="flex items-center gap-2">
          {seen.length > 0 && (
            <button
              type="button"
              className="text-xs font-medium text-slate-700 underline"
              onClick={() => setShowRead(!showRead)}
              aria-expanded={showRead}
              data-testid="breaches-read-toggle"
            >
              {showRead ? t("hideRead") : t("showRead", { count: seen.length })}
            </button>
          )}
          {unread.length > 0 && (
            <Button
              variant="secondary"
              className="min-h-8 py-1 text-xs"
              onClick={() => read.mutate()}
              disabled={read.isPending}
            >
              {t("markRead")}
            </Button>
          )}
        </div>
      </div>
      {unread.length > 0 && (
        <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm text-rose-900">
          {unread.slice(0, allUnread ? unread.length : SHOWN).map(item)}
        </ul>
      )}
      {unread.length > SHOWN && (
        <button
          type="button"
          className="mt-1 text-xs font-medium text-rose-900 underline"
          onClick={() => setAllUnread(!allUnread)}
          aria-expanded={allUnread}
        >
          {allUnread ? t("showFewer") : t("showAll", { count: unread.length })}
        </button>
      )}
      {showRead && seen.length > 0 && (
        <div className="mt-2 border-t border-slate-200 pt-2">
          <h3 className="text-xs font-semibold text-slate-700">{t("readTitle")}</h3>
          <ul
            className="mt-1 max-h-64 space-y-1 overflow-y-auto text-sm text-slate-700"
            data-testid="breaches-read"
          >
            {seen.map(item)}
          </ul>
        </div>
      )}
    </section>
  );
}
