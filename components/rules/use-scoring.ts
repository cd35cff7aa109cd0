"use client";

/**
 * Client data for the rule editor, one react-query cache: the draft (saved optimistically, in
 * order, rolled back on error), the live impact preview (debounced), and picker suggestions.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import type { Preview } from "@/lib/domain/scoring/preview";

import type { DraftState } from "@/lib/domain/scoring/editor-state";

export type { DraftState };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiError(
      body?.error?.message ?? `HTTP ${response.status}`,
      response.status,
      body?.error?.fields,
    );
  return body?.data as T;
}

export const scoringKeys = {
  draft: ["scoring", "draft"] as const,
  preview: (model: ScoringModel) => ["scoring", "preview", JSON.stringify(model)] as const,
  suggestions: ["scoring", "suggestions"] as const,
  properties: (event: string) => ["scoring", "suggestions", event] as const,
};

export function useDraft(initial: DraftState | null) {
  return useQuery({
    queryKey: scoringKeys.draft,
    queryFn: () => api<DraftState>("/api/v1/scoring-model/draft"),
    initialData: initial ?? undefined,
    enabled: initial !== null,
    staleTime: Infinity,
  });
}

/** Saves the whole draft. Mutations share a scope, so saves reach the server in the order they were made. */
export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    scope: { id: "draft" },
    mutationFn: (model: ScoringModel) =>
      api<DraftState>("/api/v1/scoring-model/draft", {
        method: "PUT",
        body: JSON.stringify(model),
      }),
    onMutate: async (model) => {
      await client.cancelQueries({ queryKey: scoringKeys.draft });
      const previous = client.getQueryData<DraftState>(scoringKeys.draft);
      client.setQueryData<DraftState>(scoringKeys.draft, (d) => ({
        baseVersion: d?.baseVersion ?? null,
        updatedBy: d?.updatedBy ?? null,
        updatedAt: d?.updatedAt ?? null,
        valid: true,
        model,
      }));
      return { previous };
    },
    onError: (_error, _model, context) => {
      if (context?.previous) client.setQueryData(scoringKeys.draft, context.previous);
    },
    onSuccess: (saved) => client.setQueryData(scoringKeys.draft, saved),
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

export type PreviewResult = Preview & { activeVersion: number | null };

export function usePreview(model: ScoringModel | null) {
  const debounced = useDebounced(model, 400);
  return useQuery({
    queryKey: debounced ? scoringKeys.preview(debounced) : ["scoring", "preview", "none"],
    queryFn: () =>
      api<PreviewResult>("/api/v1/scoring-model/draft/preview", {
        method: "POST",
        body: JSON.stringify(debounced),
      }),
    enabled: debounced !== null,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
}

export type Counted = { value: string; count: number };
export type Suggestions = {
  events: Counted[];
  fields: { field: string; values: Counted[] }[];
  traits: Counted[];
};
export type PropertySuggestion = { key: string; count: number; values: Counted[] };

export function useSuggestions() {
  return useQuery({
    queryKey: scoringKeys.suggestions,
    queryFn: () => api<Suggestions>("/api/v1/scoring-model/suggestions"),
    staleTime: 5 * 60_000,
  });
}

export function usePropertySuggestions(event: string) {
  return useQuery({
    queryKey: scoringKeys.properties(event),
    queryFn: async () =>
      (
        await api<{ properties: PropertySuggestion[] }>(
          `/api/v1/scoring-model/suggestions?event=${encodeURIComponent(event)}`,
        )
      ).properties,
    enabled: event.trim().length > 0,
    staleTime: 5 * 60_000,
  });
}
