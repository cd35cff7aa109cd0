/** One lead over the API, and its events timeline in keyset pages. */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, call, callData } from "@/lib/client/api";
import type { operations } from "@/lib/client/api-schema";

const fetchLead = (id: string) =>
  callData(api.GET("/api/v1/leads/{id}", { params: { path: { id } } }));

/**
 * The lead as GET /api/v1/leads/{id} returns it. Its contract lists only some of the lead's
 * fields (the rest pass as `unknown`), so the ones the UI reads beyond those are named here.
 */
export type Lead = Awaited<ReturnType<typeof fetchLead>> & { phone: string | null };

export type TimelineFilter = { name?: string; ids?: number[] };
export type TimelineCursor =
  operations["listLeadEvents"]["responses"][200]["content"]["application/json"]["next"];

async function fetchEvents(
  id: string,
  limit: number,
  filter: TimelineFilter = {},
  cursor: TimelineCursor = null,
) {
  return call(
    api.GET("/api/v1/leads/{id}/events", {
      params: {
        path: { id },
        query: {
          limit,
          name: filter.name || undefined,
          ids: filter.ids ? filter.ids.join(",") : undefined,
          before: cursor?.before,
          beforeId: cursor?.beforeId,
        },
      },
    }),
  );
}

export type TimelinePage = Awaited<ReturnType<typeof fetchEvents>>;

const leads = ["leads"] as const;

export const leadQueries = {
  all: leads,
  /** The lead and its first events: what a touch or a decision on the lead changes. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...leads, "detail", id],
      queryFn: async (): Promise<Lead> => (await fetchLead(id)) as Lead,
    }),
  firstEvents: (id: string) =>
    queryOptions({
      queryKey: [...leads, "detail", id, "events"],
      queryFn: () => fetchEvents(id, 20),
    }),
  /** Outside `detail`: an action on the lead need not re-read every page already loaded. */
  timeline: (id: string, filter: TimelineFilter) =>
    infiniteQueryOptions({
      queryKey: [...leads, "timeline", id, filter.name ?? null, filter.ids ?? null],
      queryFn: ({ pageParam }) => fetchEvents(id, 50, filter, pageParam),
      initialPageParam: null as TimelineCursor,
      getNextPageParam: (last) => last.next,
    }),
};
