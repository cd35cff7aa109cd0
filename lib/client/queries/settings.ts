/**
 * Settings over the API: teams with their members, territories and holidays; the reason lists;
 * the SLA tiers; API keys.
 */
import { queryOptions } from "@tanstack/react-query";
import { api, call, callData } from "@/lib/client/api";
import type { operations } from "@/lib/client/api-schema";

type JsonBody<O extends keyof operations> = operations[O] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

// Teams and routing

const fetchOverview = () => callData(api.GET("/api/v1/teams"));

export type TeamsOverview = Awaited<ReturnType<typeof fetchOverview>>;
export type TeamMember = TeamsOverview["unteamed"][number];

const teams = ["teams"] as const;

export const teamQueries = {
  all: teams,
  overview: () => queryOptions({ queryKey: [...teams, "overview"], queryFn: fetchOverview }),
};

export type MemberChanges = Pick<
  JsonBody<"updateUser">,
  "teamId" | "capacity" | "awayUntil" | "timeZone"
>;
export type TeamInput = JsonBody<"createTeam">;

export const updateMember = (userId: string, changes: MemberChanges) =>
  callData(api.PATCH("/api/v1/users/{id}", { params: { path: { id: userId } }, body: changes }));

export const createTeam = (input: TeamInput) =>
  callData(api.POST("/api/v1/teams", { body: input }));

export const updateTeam = (teamId: string, input: TeamInput) =>
  callData(api.PATCH("/api/v1/teams/{id}", { params: { path: { id: teamId } }, body: input }));

export const setTerritories = (teamId: string, countries: string[]) =>
  callData(
    api.PUT("/api/v1/teams/{id}/territories", {
      params: { path: { id: teamId } },
      body: { countries },
    }),
  );

export const setHolidays = (teamId: string, holidays: string[]) =>
  callData(
    api.PUT("/api/v1/teams/{id}/holidays", {
      params: { path: { id: teamId } },
      body: { holidays },
    }),
  );

// Reason lists

const fetchReasons = (includeArchived: boolean) =>
  callData(
    api.GET("/api/v1/reasons", {
      params: { query: { includeArchived: includeArchived ? "true" : undefined } },
    }),
  );

export type Reason = Awaited<ReturnType<typeof fetchReasons>>[number];
export type ReasonCreateInput = JsonBody<"createReason">;
export type ReasonPatch = JsonBody<"updateReason">;

const reasons = ["reasons"] as const;

export const reasonQueries = {
  all: reasons,
  /** What a rep chooses from. */
  active: () =>
    queryOptions({ queryKey: [...reasons, "active"], queryFn: () => fetchReasons(false) }),
  /** What Settings edits. */
  withArchived: () =>
    queryOptions({ queryKey: [...reasons, "withArchived"], queryFn: () => fetchReasons(true) }),
};

export const createReason = (input: ReasonCreateInput) =>
  callData(api.POST("/api/v1/reasons", { body: input }));

export const updateReason = (id: number, patch: ReasonPatch) =>
  callData(api.PATCH("/api/v1/reasons/{id}", { params: { path: { id } }, body: patch }));

/** Deletes an unused reason, archives a used one: the answer says which. */
export const removeReason = (id: number) =>
  callData(api.DELETE("/api/v1/reasons/{id}", { params: { path: { id } } }));

// SLA policies

const fetchPolicies = () => callData(api.GET("/api/v1/sla-policies"));

export type SlaPolicy = Awaited<ReturnType<typeof fetchPolicies>>[number];
export type PolicyInput = Omit<SlaPolicy, "id" | "position"> & { id?: number };

const slaPolicies = ["sla-policies"] as const;

export const slaPolicyQueries = {
  all: slaPolicies,
  list: () => queryOptions({ queryKey: [...slaPolicies, "list"], queryFn: fetchPolicies }),
};

/** Replaces the whole ordered list. */
export const savePolicies = (policies: PolicyInput[]) =>
  callData(api.PUT("/api/v1/sla-policies", { body: { policies } }));

// API keys

const fetchApiKeys = () => callData(api.GET("/api/v1/api-keys"));

export type ApiKey = Awaited<ReturnType<typeof fetchApiKeys>>[number];
export type ApiKeyInput = JsonBody<"createApiKey">;

const apiKeys = ["api-keys"] as const;

export const apiKeyQueries = {
  all: apiKeys,
  list: () => queryOptions({ queryKey: [...apiKeys, "list"], queryFn: fetchApiKeys }),
};

/** The answer carries the secret, shown once. */
export const createApiKey = (input: ApiKeyInput) =>
  callData(api.POST("/api/v1/api-keys", { body: input }));

export const revokeApiKey = async (id: string): Promise<void> => {
  await call(api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } }));
};
