/**
 * The inbox over the API: the list (one cache entry per filter), the reps a manager reassigns to,
 * the unread SLA breach notifications, and what a rep does to a lead (touch, decide, reassign).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, call, callData } from "@/lib/client/api";
import type { operations } from "@/lib/client/api-schema";
import { RECENT_NOTIFICATIONS } from "@/lib/shared/inbox";

export type InboxFilter = { repId: string | null; breached: boolean };

async function fetchInbox(filter: InboxFilter) {
  const { data, now } = await call(
    api.GET("/api/v1/inbox", {
      params: {
        query: {
          repId: filter.repId || undefined,
          breached: filter.breached ? "true" : undefined,
        },
      },
    }),
  );
  // `now` is the app's clock (tests move it), `fetchedAt` this browser's: their gap runs the countdowns.
  return { rows: data, now, fetchedAt: Date.now() };
}

export type InboxData = Awaited<ReturnType<typeof fetchInbox>>;
export type InboxRow = InboxData["rows"][number];

const fetchReps = () => callData(api.GET("/api/v1/inbox/reps"));
export type RepLoad = Awaited<ReturnType<typeof fetchReps>>[number];

const inbox = ["inbox"] as const;
const lists = [...inbox, "list"] as const;

export const inboxQueries = {
  all: inbox,
  /** Every filter's list: what an action edits optimistically. */
  lists,
  list: (filter: InboxFilter) =>
    queryOptions({
      queryKey: [...lists, filter.repId ?? "all", filter.breached],
      queryFn: () => fetchInbox(filter),
    }),
  reps: () => queryOptions({ queryKey: [...inbox, "reps"], queryFn: fetchReps }),
};

/** The latest notifications, read or not: reading one keeps it in the history. */
async function fetchRecent() {
  const { data, unread } = await call(
    api.GET("/api/v1/notifications", { params: { query: { limit: RECENT_NOTIFICATIONS } } }),
  );
  return { items: data, unread };
}

export type RecentNotifications = Awaited<ReturnType<typeof fetchRecent>>;

const notifications = ["notifications"] as const;

export const notificationQueries = {
  all: notifications,
  recent: () => queryOptions({ queryKey: [...notifications, "recent"], queryFn: fetchRecent }),
};

export const markAllNotificationsRead = () =>
  callData(api.POST("/api/v1/notifications/read", { body: { all: true } }));

export type TouchInput = operations["logTouch"]["requestBody"]["content"]["application/json"];
export type DecisionInput = operations["decideLead"]["requestBody"]["content"]["application/json"];

export const logTouch = (leadId: string, body: TouchInput) =>
  callData(api.POST("/api/v1/leads/{id}/touches", { params: { path: { id: leadId } }, body }));

export const decideLead = (leadId: string, body: DecisionInput) =>
  callData(api.POST("/api/v1/leads/{id}/decisions", { params: { path: { id: leadId } }, body }));

export const reassignLead = (leadId: string, repId: string) =>
  callData(
    api.POST("/api/v1/leads/{id}/assign", { params: { path: { id: leadId } }, body: { repId } }),
  );
