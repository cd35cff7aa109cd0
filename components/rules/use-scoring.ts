"use client";

/**
 * The rule editor's and threshold designer's hooks over the scoring queries: the draft (saved
 * optimistically, in order, rolled back on error), the live impact preview (debounced), and the
 * pickers' suggestions.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { saveDraft, scoringQueries, type Draft } from "@/lib/client/queries/scoring";
import type { DraftState } from "@/lib/domain/scoring/editor-state";
import type { ScoringModel } from "@/lib/domain/scoring/model";

export type { DraftState };

/** The editor holds the draft: it changes here and nowhere else while the page is open. */
export function useDraft(initial: DraftState | null) {
  return useQuery({
    ...scoringQueries.draft(),
    // editorState hands over a parsed model only (the active one when the draft no longer parses).
    initialData: initial ? { ...initial, valid: true as const } : undefined,
    enabled: initial !== null,
    staleTime: Infinity,
  });
}

/**
 * The model to edit. A draft saved under an older schema (valid: false, from another page's
 * fetch of the shared draft) is shown as the page opened it: the active model.
 */
export const editableModel = (draft: Draft | undefined, initial: DraftState | null) =>
  draft?.valid ? draft.model : (initial?.model ?? null);

/**
 * Saves the whole draft. Mutations share a scope, so saves reach the server in the order they
 * were made, each against the revision the one before it left (If-Match): a save someone else made
 * in between is refused with a 409 rather than overwritten, and the page then reloads their draft.
 */
export function useSaveDraft() {
  const client = useQueryClient();
  const { queryKey } = scoringQueries.draft();
  // Saves made and not yet answered: an answer only replaces the model shown when it is the last.
  const pending = useRef(0);
  return useMutation({
    scope: { id: "draft" },
    // The cache keeps the last revision the server confirmed (optimistic entries copy it).
    mutationFn: (model: ScoringModel) =>
      saveDraft(model, client.getQueryData(queryKey)?.revision ?? 0),
    onMutate: async (model) => {
      pending.current++;
      await client.cancelQueries({ queryKey });
      const previous = client.getQueryData(queryKey);
      client.setQueryData(queryKey, (d) => ({
        baseVersion: d?.baseVersion ?? null,
        revision: d?.revision ?? 0,
        updatedBy: d?.updatedBy ?? null,
        updatedAt: d?.updatedAt ?? null,
        valid: true as const,
        model,
      }));
      return { previous };
    },
    onSettled: () => {
      pending.current--;
    },
    onError: (error, _model, context) => {
      if (error instanceof ApiError && error.status === 409) {
        // Someone else saved: show their draft (the error says who and when).
        void client.invalidateQueries({ queryKey });
        return;
      }
      if (context?.previous) client.setQueryData(queryKey, context.previous);
    },
    onSuccess: (saved) =>
      client.setQueryData(queryKey, (shown) =>
        pending.current > 1 && shown?.valid ? { ...saved, model: shown.model } : saved,
      ),
  });
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function usePreview(model: ScoringModel | null) {
  return useQuery(scoringQueries.preview(useDebounced(model, 400)));
}

export function useSuggestions() {
  return useQuery(scoringQueries.suggestions());
}

export function usePropertySuggestions(event: string) {
  return useQuery(scoringQueries.properties(event));
}
