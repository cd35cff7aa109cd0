/** React Query options for the scoring model's versions and draft: one factory per resource, keys under "scoring-model". */
import { queryOptions } from "@tanstack/react-query";
import type { ScoringModel } from "@/lib/domain/scoring/model";

export type VersionSummary = {
  version: number;
  note: string;
  authorLabel: string;
  publishedAt: string;
  leadsRescored: number;
  durationMs: number;
  name: string;
};

/** GET /api/v1/scoring-model/versions/{version}. */
export type VersionDoc = {
  version: number;
  note: string;
  author: string;
  publishedAt: string;
  leadsRescored: number;
  durationMs: number;
  model: ScoringModel;
};

/** GET /api/v1/scoring-model/draft: without a saved draft, the active model with `updatedAt: null`. */
export type DraftDoc = {
  model: unknown;
  baseVersion: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
  valid: boolean;
};

/** A side of the comparison: a published version or the draft. */
export type Side = number | "draft";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiError(body?.error?.message ?? `HTTP ${response.status}`, response.status);
  return body.data as T;
}

export const modelKeys = {
  versions: ["scoring-model", "versions"] as const,
  version: (version: number) => ["scoring-model", "versions", version] as const,
  draft: ["scoring-model", "draft"] as const,
};

export const versionsQuery = () =>
  queryOptions({
    queryKey: modelKeys.versions,
    queryFn: () => requestJson<VersionSummary[]>("/api/v1/scoring-model/versions"),
  });

/** Published versions never change: fetched once. */
export const versionQuery = (version: number) =>
  queryOptions({
    queryKey: modelKeys.version(version),
    queryFn: () => requestJson<VersionDoc>(`/api/v1/scoring-model/versions/${version}`),
    staleTime: Infinity,
  });

export const draftQuery = () =>
  queryOptions({
    queryKey: modelKeys.draft,
    queryFn: () => requestJson<DraftDoc>("/api/v1/scoring-model/draft"),
  });

export const parseSide = (value: string | undefined): Side | null =>
  value === "draft" ? "draft" : value && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : null;
