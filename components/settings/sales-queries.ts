/**
 * React Query for the sales settings (SLA tiers, reason lists, team holidays): query keys, the API
 * calls, and how a failed call is explained. The API's messages are English; the screen maps
 * status codes and fields to the reader's language (keys of `salesSettings.errors`).
 */
import { queryOptions } from "@tanstack/react-query";
import type { ReasonView } from "@/lib/domain/reasons/list-reasons";
import type { SlaPolicyView } from "@/lib/domain/sla/policies";
import { ApiError } from "@/components/teams/queries";

export type { ReasonView, SlaPolicyView };
export { ApiError };

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiError(
      body?.error?.message ?? `HTTP ${response.status}`,
      response.status,
      body?.error?.code,
      body?.error?.fields,
    );
  return body?.data as T;
}

export const salesKeys = {
  policies: ["sla-policies"] as const,
  reasons: ["reasons", "settings"] as const,
};

export const policiesQuery = () =>
  queryOptions({
    queryKey: salesKeys.policies,
    queryFn: () => api<SlaPolicyView[]>("/api/v1/sla-policies"),
  });

export const reasonsQuery = () =>
  queryOptions({
    queryKey: salesKeys.reasons,
    queryFn: () => api<ReasonView[]>("/api/v1/reasons?includeArchived=true"),
  });

export type PolicyInput = Omit<SlaPolicyView, "id" | "position"> & { id?: number };
export type ReasonCreateInput = {
  kind: ReasonView["kind"];
  code: string;
  labels: { en: string; fr: string };
};
export type ReasonPatch = {
  labels?: { en?: string; fr?: string };
  position?: number;
  archived?: boolean;
};

export const salesApi = {
  savePolicies: (policies: PolicyInput[]) =>
    api<SlaPolicyView[]>("/api/v1/sla-policies", {
      method: "PUT",
      body: JSON.stringify({ policies }),
    }),
  createReason: (input: ReasonCreateInput) =>
    api<ReasonView>("/api/v1/reasons", { method: "POST", body: JSON.stringify(input) }),
  updateReason: (id: number, patch: ReasonPatch) =>
    api<ReasonView>(`/api/v1/reasons/${id}`, { method: "PATCH", body: JSON.stringify(patch) }),
  removeReason: (id: number) =>
    api<{ deleted: boolean; reason: ReasonView | null }>(`/api/v1/reasons/${id}`, {
      method: "DELETE",
    }),
  setHolidays: (teamId: string, holidays: string[]) =>
    api<{ teamId: string; holidays: string[] }>(`/api/v1/teams/${teamId}/holidays`, {
      method: "PUT",
      body: JSON.stringify({ holidays }),
    }),
};

/** A key of `salesSettings.errors` that explains a failed call. */
export function errorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return "network";
  const fields = Object.keys(error.fields ?? {});
  if (fields.includes("code")) return "codeTaken";
  if (fields.includes("policies") && /no longer exist/i.test(error.message)) return "stale";
  if (error.status === 401) return "signedOut";
  if (error.status === 403) return "forbidden";
  if (error.status === 404) return "notFound";
  if (error.status === 422 || error.status === 400) return "invalid";
  return "generic";
}
