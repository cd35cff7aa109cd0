"use client";

/**
 * The inbox's client data: the list (polled, so new MQLs arrive without a reload), the reason
 * lists, the reps a manager can reassign to, and the actions. Actions that keep the row (a touch,
 * an accept, a reassignment) update it at once and roll back if the server refuses; a row leaves
 * the list only once the server has agreed.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  decideLead,
  inboxQueries,
  logTouch,
  reassignLead,
  type DecisionInput,
  type InboxData,
  type InboxFilter,
  type InboxRow,
  type TouchInput,
} from "@/lib/client/queries/inbox";
import { leadQueries } from "@/lib/client/queries/leads";
import { reasonQueries } from "@/lib/client/queries/settings";

export type { InboxData, InboxFilter };

export const POLL_MS = 20_000;

/** `partial`: the initial data holds only the first rows; the whole list is read at once. */
export function useInbox(filter: InboxFilter, initial: InboxData | undefined, partial = false) {
  return useQuery({
    ...inboxQueries.list(filter),
    initialData: initial,
    initialDataUpdatedAt: partial ? 0 : undefined,
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  });
}

export function useReasons() {
  return useQuery({ ...reasonQueries.active(), staleTime: 5 * 60_000 });
}

export function useReps(enabled: boolean) {
  return useQuery({ ...inboxQueries.reps(), enabled, staleTime: 30_000 });
}

export type Action =
  | { type: "touch"; leadId: string; body: TouchInput }
  | { type: "decide"; leadId: string; body: DecisionInput }
  | { type: "assign"; leadId: string; body: { repId: string }; repName: string };

// Nothing reads the answer: the list and the lead are re-read once the action settles.
function send(a: Action): Promise<unknown> {
  if (a.type === "touch") return logTouch(a.leadId, a.body);
  if (a.type === "decide") return decideLead(a.leadId, a.body);
  return reassignLead(a.leadId, a.body.repId);
}

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
    // A reject, disqualify or qualify may be refused (a reason's rules): the row stays until agreed.
    return [row];
  });
}

export function useInboxAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onMutate: async (a) => {
      await client.cancelQueries({ queryKey: inboxQueries.all });
      const previous = client.getQueriesData<InboxData>({ queryKey: inboxQueries.lists });
      client.setQueriesData<InboxData>({ queryKey: inboxQueries.lists }, (d) =>
        d ? { ...d, rows: optimistic(d.rows, a) } : d,
      );
      return { previous };
    },
    onError: (_e, _a, context) => {
      for (const [key, data] of context?.previous ?? []) client.setQueryData(key, data);
    },
    onSettled: (_d, _e, a) => {
      void client.invalidateQueries({ queryKey: inboxQueries.all });
      void client.invalidateQueries({ queryKey: leadQueries.detail(a.leadId).queryKey });
    },
  });
}
