"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { propertyValueLabel, valueLabel } from "@/components/labels/value-label";
import { eventLabel, type Translate } from "@/components/rules/describe-rule";
import { Button } from "@/components/ui/button";
import { leadQueries, type TimelinePage } from "@/lib/client/queries/leads";

/** Free text a person typed: shown whole, as a quote, not as a chip. */
const TYPED = ["question", "message", "comment", "body", "text"];
/** Shown after the others, when there is room. */
const LAST = ["url"];

const DOT: Record<string, string> = {
  "Demo Requested": "bg-emerald-500",
  "Question Asked": "bg-emerald-500",
  "Content Downloaded": "bg-brand-500",
  "Webinar Attended": "bg-brand-500",
  "Webinar Registered": "bg-sky-500",
  "Page Viewed": "bg-sky-400",
  Unsubscribed: "bg-rose-500",
};

/** The event's properties in plain words: typed text apart, the rest as label and value. */
function describeProperties(
  properties: Record<string, unknown>,
  values: Translate,
): { typed: string[]; chips: { key: string; label: string; value: string }[] } {
  const typed: string[] = [];
  const chips: { key: string; label: string; value: string }[] = [];
  const keys = Object.keys(properties).sort(
    (a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)),
  );
  for (const key of keys) {
    const value = properties[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "url" && properties.path) continue;
    if (TYPED.includes(key) && typeof value === "string") {
      typed.push(value);
      continue;
    }
    chips.push({
      key,
      label: valueLabel(values, "property", key),
      value: propertyValueLabel(values, key, value),
    });
  }
  return { typed, chips: chips.slice(0, 6) };
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
  const describe = useTranslations("rules.describe");
  const values = useTranslations("values");
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
          const { typed, chips } = describeProperties(event.properties, values);
          return (
            <li key={event.id} className="relative" data-testid="timeline-event">
              <span
                aria-hidden
                className={`absolute top-1.5 -left-[25px] size-2.5 rounded-full ring-4 ring-white ${DOT[event.name] ?? "bg-slate-400"}`}
              />
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <p className="text-sm font-medium text-slate-900">
                  {eventLabel(describe, event.name)}
                </p>
                <time dateTime={event.occurredAt} className="text-xs text-slate-500">
                  {format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              {typed.map((text) => (
                <blockquote
                  key={text}
                  className="mt-1 border-l-2 border-brand-300 pl-2 text-sm text-slate-800"
                  data-testid="event-typed"
                >
                  {text}
                </blockquote>
              ))}
              <div className="mt-1 flex flex-wrap gap-1.5">
                {chips.map((chip) => (
                  <span
                    key={chip.key}
                    className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
                    title={`${chip.label}: ${chip.value}`}
                  >
                    <span className="text-slate-600">{chip.label}</span> {chip.value}
                  </span>
                ))}
                <span className="text-xs text-slate-600">
                  {t("eventSource", { source: valueLabel(values, "eventSource", event.source) })}
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
