"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { leadQueries, type TimelinePage } from "@/lib/client/queries/leads";

const SHOWN_PROPERTIES = [
  "title",
  "path",
  "url",
  "asset",
  "asset_type",
  "content_type",
  "campaign",
  "webinar",
  "channel",
  "category",
  "form",
];

const DOT: Record<string, string> = {
  "Demo Requested": "bg-emerald-500",
  "Question Asked": "bg-emerald-500",
  "Content Downloaded": "bg-brand-500",
  "Webinar Attended": "bg-brand-500",
  "Webinar Registered": "bg-sky-500",
  "Page Viewed": "bg-sky-400",
  Unsubscribed: "bg-rose-500",
};

function summary(properties: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const key of SHOWN_PROPERTIES) {
    const value = properties[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "url" && properties.path) continue;
    out.push([key, String(value)]);
  }
  return out.slice(0, 4);
}

/** `name` or `ids` (the events behind a receipt line) narrow it; later pages keep the filter. */
export function Timeline({
  leadId,
  name,
  ids,
  initial,
}: {
  leadId: string;
  name?: string;
  ids?: number[];
  initial: TimelinePage;
}) {
  const t = useTranslations("lead");
  const format = useFormatter();
  const query = useInfiniteQuery({
    ...leadQueries.timeline(leadId, { name, ids }),
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: Infinity,
  });
  const events = query.data.pages.flatMap((p) => p.data);
  if (events.length === 0)
    return <p className="px-5 py-10 text-center text-sm text-slate-500">{t("noEvents")}</p>;
  return (
    <div className="px-4 py-4 sm:px-5">
      <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
        {events.map((event) => {
          const at = new Date(event.occurredAt);
          return (
            <li key={event.id} className="relative" data-testid="timeline-event">
              <span
                aria-hidden
                className={`absolute top-1.5 -left-[25px] size-2.5 rounded-full ring-4 ring-white ${DOT[event.name] ?? "bg-slate-400"}`}
              />
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <p className="text-sm font-medium text-slate-900">{event.name}</p>
                <time dateTime={event.occurredAt} className="text-xs text-slate-500">
                  {format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              <div className="mt-1 flex flex-wrap gap-1.5">
                {summary(event.properties).map(([key, value]) => (
                  <span
                    key={key}
                    className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
                    title={`${key}: ${value}`}
                  >
                    <span className="text-slate-500">{key}</span> {value}
                  </span>
                ))}
                <span className="text-xs text-slate-400">
                  {t("eventSource", { source: event.source })}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      {query.isError && (
        <p role="alert" className="mt-4 text-sm text-rose-700">
          {t("loadError")}
        </p>
      )}
      {query.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-5 w-full"
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? "…" : t("loadMore")}
        </Button>
      )}
    </div>
  );
}
