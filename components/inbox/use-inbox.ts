"use client";

/**
 * The inbox's client data: the list (polled, so new MQLs arrive without a reload), the reason
 * lists, the reps a manager can reassign to, and the actions. Actions update the list at once and
 * roll back if the server refuses.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "@/components/rules/use-scoring";
import type { InboxRow } from "@/lib/domain/inbox/list-inbox";
import type { ReasonView } from "@/lib/domain/reasons/list-reasons";
import type { RepLoad } from "@/lib/domain/routing/queues";

export type InboxFilter = { repId: string | null; breached: boolean };
export type InboxData = { rows: InboxRow[]; now: string; fetchedAt: number };

export const inboxKeys = {
  all: ["inbox"] as const,
  list: (f: InboxFilter) => ["inbox", "list", f.repId ?? "all", f.breached] as const,
};

async function fetchInbox(f: InboxFilter): Promise<InboxData> {
  const params = new URLSearchParams();
  if (f.repId) params.set("repId", f.repId);
  if (f.breached) params.set("breached", "true");
  const response = await fetch(`/api/v1/inbox?${params}`);
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiError(body?.error?.message ?? `HTTP ${response.status}`, response.status);
  return { rows: body.data, now: body.now, fetchedAt: Date.now() };
}

export const POLL_MS = 20_000;

export function useInbox(filter: InboxFilter, initial: InboxData | undefined) {
  return useQuery({
    queryKey: inboxKeys.list(filter),
    queryFn: () => fetchInbox(filter),
    initialData: initial,
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  });
}

export function useReasons() {
  return useQuery({
    queryKey: ["reasons"],
    queryFn: () => api<ReasonView[]>("/api/v1/reasons"),
    staleTime: 5 * 60_000,
  });
}

export function useReps(enabled: boolean) {
  return useQuery({
    queryKey: ["inbox", "reps"],
    queryFn: () => api<RepLoad[]>("/api/v1/inbox/reps"),
    enabled,
    staleTime: 30_000,
  });
}

export type Action =
  | { type: "touch"; leadId: string; body: { channel: string; outcome: string; note?: string } }
  | {
      type: "decide";
      leadId: string;
      body:
        | {
            kind: "accept";
            bant: Record<"budget" | "authority" | "need" | "timeframe", string>;
            note?: string;
          }
        | { kind: "qualify"; note?: string }
        | { kind: "reject" | "disqualify"; reasonCode: string; note?: string };
    }
  | { type: "assign"; leadId: string; body: { repId: string }; repName: string };

const url = (a: Action) =>
  `/api/v1/leads/${a.leadId}/${a.type === "touch" ? "touches" : a.type === "decide" ? "decisions" : "assign"}`;

/** What the list looks like right after the action, before the server answers. */
function optimistic(rows: InboxRow[], a: Action): InboxRow[] {
  return rows.flatMap((row) => {
    if (row.id !== a.leadId) return [row];
    if (a.type === "touch") {
      return [
        {
          ...row,
          touchesDone: row.touchesDone + 1,
          sla: row.sla
            ? {
                ...row.sla,
                touchesDone: row.sla.touchesDone + 1,
                firstTouchAt: row.sla.firstTouchAt ?? new Date().toISOString(),
              }
            : null,
        },
      ];
    }
    if (a.type === "assign") return [{ ...row, owner: { id: a.body.repId, name: a.repName } }];
    if (a.body.kind === "accept") return [{ ...row, stage: "sal" as const, sla: null }];
    return [];
  });
}

export function useInboxAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: Action) =>
      api<unknown>(url(a), { method: "POST", body: JSON.stringify(a.body) }),
    onMutate: async (a) => {
      await client.cancelQueries({ queryKey: inboxKeys.all });
      const previous = client.getQueriesData<InboxData>({ queryKey: ["inbox", "list"] });
      client.setQueriesData<InboxData>({ queryKey: ["inbox", "list"] }, (d) =>
        d ? { ...d, rows: optimistic(d.rows, a) } : d,
      );
      return { previous };
    },
    onError: (_e, _a, context) => {
      for (const [key, data] of context?.previous ?? []) client.setQueryData(key, data);
    },
    onSettled: (_d, _e, a) => {
      void client.invalidateQueries({ queryKey: inboxKeys.all });
      void client.invalidateQueries({ queryKey: ["inbox-lead", a.leadId] });
    },
  });
}
