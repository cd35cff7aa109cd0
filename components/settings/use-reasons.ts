"use client";

/**
 * Edits of the reason lists. Moves, archives and restores show at once (optimistic) and roll back
 * if the server refuses; the list is re-read afterwards so positions match the server's.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createReason,
  reasonQueries,
  removeReason,
  updateReason,
  type Reason,
  type ReasonCreateInput,
  type ReasonPatch,
} from "@/lib/client/queries/settings";

/** The list after `id` moved to `position` among the active reasons of its kind. */
export function withPosition(reasons: Reason[], id: number, position: number): Reason[] {
  const moved = reasons.find((r) => r.id === id);
  if (!moved) return reasons;
  const order = reasons
    .filter((r) => r.kind === moved.kind && r.id !== id)
    .sort((a, b) => a.position - b.position);
  order.splice(Math.min(position, order.length), 0, moved);
  const positions = new Map(order.map((r, i) => [r.id, i]));
  return reasons.map((r) => (positions.has(r.id) ? { ...r, position: positions.get(r.id)! } : r));
}

function useReasonsCache() {
  const client = useQueryClient();
  const key = reasonQueries.withArchived().queryKey;
  return {
    async edit(update: (r: Reason[]) => Reason[]) {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<Reason[]>(key);
      if (previous) client.setQueryData<Reason[]>(key, update(previous));
      return { previous };
    },
    set: (update: (r: Reason[]) => Reason[]) =>
      client.setQueryData<Reason[]>(key, (r) => (r ? update(r) : r)),
    restore: (context: { previous?: Reason[] } | undefined) =>
      context?.previous && client.setQueryData(key, context.previous),
    refresh: () => client.invalidateQueries({ queryKey: reasonQueries.all }),
  };
}

const replace = (saved: Reason) => (list: Reason[]) =>
  list.map((r) => (r.id === saved.id ? saved : r));

export function useUpdateReason() {
  const cache = useReasonsCache();
  return useMutation({
    scope: { id: "reasons" },
    mutationFn: ({ id, patch }: { id: number; patch: ReasonPatch }) => updateReason(id, patch),
    onMutate: ({ id, patch }) =>
      cache.edit((list) => {
        let next = list.map((r) =>
          r.id === id
            ? {
                ...r,
                labels: { ...r.labels, ...patch.labels },
                ...(patch.archived === undefined
                  ? {}
                  : {
                      archived: patch.archived,
                      archivedAt: patch.archived ? new Date().toISOString() : null,
                    }),
              }
            : r,
        );
        if (patch.position !== undefined) next = withPosition(next, id, patch.position);
        return next;
      }),
    onSuccess: (saved) => cache.set(replace(saved)),
    onError: (_e, _v, context) => cache.restore(context),
    onSettled: () => cache.refresh(),
  });
}

/** Deletes an unused reason, archives a used one: the answer says which. */
export function useRemoveReason() {
  const cache = useReasonsCache();
  return useMutation({
    scope: { id: "reasons" },
    mutationFn: (reason: Reason) => removeReason(reason.id),
    onMutate: (reason) =>
      cache.edit((list) =>
        list.map((r) =>
          r.id === reason.id ? { ...r, archived: true, archivedAt: new Date().toISOString() } : r,
        ),
      ),
    onSuccess: (result, reason) =>
      cache.set((list) =>
        result.deleted
          ? list.filter((r) => r.id !== reason.id)
          : result.reason
            ? replace(result.reason)(list)
            : list,
      ),
    onError: (_e, _v, context) => cache.restore(context),
    onSettled: () => cache.refresh(),
  });
}

export function useCreateReason() {
  const cache = useReasonsCache();
  return useMutation({
    scope: { id: "reasons" },
    mutationFn: (input: ReasonCreateInput) => createReason(input),
    onSuccess: (saved) => cache.set((list) => [...list, saved]),
    onSettled: () => cache.refresh(),
  });
}
