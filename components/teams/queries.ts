/** React Query for "Teams and routing": one overview query, keys under "teams", and the API calls. */
import { queryOptions } from "@tanstack/react-query";
import type { TeamsOverview } from "@/lib/domain/teams/get-teams-overview";
import type { TeamMember } from "@/lib/domain/teams/members";
import type { SavedTeam } from "@/lib/domain/teams/save-team";
import type { TerritoriesResult } from "@/lib/domain/teams/set-territories";

export type { TeamsOverview, TeamMember };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

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

export const teamsKeys = { overview: ["teams", "overview"] as const };

export const teamsOverviewQuery = () =>
  queryOptions({
    queryKey: teamsKeys.overview,
    queryFn: () => api<TeamsOverview>("/api/v1/teams"),
  });

export type MemberChanges = {
  teamId?: string | null;
  capacity?: number;
  awayUntil?: string | null;
  timeZone?: string;
};

export const teamsApi = {
  updateMember: (userId: string, changes: MemberChanges) =>
    api<TeamMember>(`/api/v1/users/${userId}`, { method: "PATCH", body: JSON.stringify(changes) }),
  setCountries: (teamId: string, countries: string[]) =>
    api<TerritoriesResult>(`/api/v1/teams/${teamId}/territories`, {
      method: "PUT",
      body: JSON.stringify({ countries }),
    }),
  createTeam: (input: { name: string; timeZone: string }) =>
    api<SavedTeam>("/api/v1/teams", { method: "POST", body: JSON.stringify(input) }),
  updateTeam: (teamId: string, input: { name: string; timeZone: string }) =>
    api<SavedTeam>(`/api/v1/teams/${teamId}`, { method: "PATCH", body: JSON.stringify(input) }),
};

/**
 * Which message (a key of `teams.errors`) explains a failed save. The API's own messages are
 * English; the screen speaks the reader's language, so it maps fields and codes to its own words.
 */
export function errorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return "network";
  const fields = Object.keys(error.fields ?? {});
  if (fields.includes("capacity")) return "capacity";
  if (fields.includes("awayUntil")) return "awayPast";
  if (fields.includes("timeZone")) return "timeZone";
  if (fields.includes("teamId")) return "teamGone";
  if (fields.includes("active")) return "selfDeactivate";
  if (fields.some((f) => f.startsWith("countries"))) return "country";
  if (fields.includes("name")) return error.code === "conflict" ? "nameTaken" : "nameRequired";
  if (error.status === 401) return "signedOut";
  if (error.status === 403) return "forbidden";
  if (error.status === 404) return "notFound";
  return "generic";
}
