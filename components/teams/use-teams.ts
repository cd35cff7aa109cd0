"use client";

/**
 * Mutations of the teams overview. Each edit shows at once (optimistic), is rolled back if the
 * server refuses it, and the overview is re-read afterwards so counts and gaps stay true.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createTeam,
  setTerritories,
  teamQueries,
  updateMember,
  updateTeam,
  type MemberChanges,
  type TeamInput,
  type TeamsOverview,
} from "@/lib/client/queries/settings";
import { applyChanges, withCountries, withMember, withTeam } from "./cache";

function useOverviewCache() {
  const client = useQueryClient();
  const key = teamQueries.overview().queryKey;
  return {
    /** Applies an optimistic edit; returns what to restore on error. */
    async edit(update: (o: TeamsOverview) => TeamsOverview) {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<TeamsOverview>(key);
      if (previous) client.setQueryData<TeamsOverview>(key, update(previous));
      return { previous };
    },
    set: (update: (o: TeamsOverview) => TeamsOverview) =>
      client.setQueryData<TeamsOverview>(key, (o) => (o ? update(o) : o)),
    restore: (context: { previous?: TeamsOverview } | undefined) =>
      context?.previous && client.setQueryData(key, context.previous),
    refresh: () => client.invalidateQueries({ queryKey: key }),
  };
}

export function useUpdateMember(userId: string, today: string) {
  const cache = useOverviewCache();
  return useMutation({
    scope: { id: `member-${userId}` },
    mutationFn: (changes: MemberChanges) => updateMember(userId, changes),
    onMutate: (changes) =>
      cache.edit((o) => withMember(o, userId, (m) => applyChanges(m, changes, today))),
    onSuccess: (member) => cache.set((o) => withMember(o, userId, () => member)),
    onError: (_error, _changes, context) => cache.restore(context),
    onSettled: () => cache.refresh(),
  });
}

export function useSetCountries(teamId: string) {
  const cache = useOverviewCache();
  return useMutation({
    scope: { id: "territories" },
    mutationFn: (countries: string[]) => setTerritories(teamId, countries),
    onMutate: (countries) => cache.edit((o) => withCountries(o, teamId, countries)),
    onError: (_error, _countries, context) => cache.restore(context),
    onSettled: () => cache.refresh(),
  });
}

export function useUpdateTeam(teamId: string) {
  const cache = useOverviewCache();
  return useMutation({
    mutationFn: (input: TeamInput) => updateTeam(teamId, input),
    onMutate: (input) => cache.edit((o) => withTeam(o, teamId, input)),
    onError: (_error, _input, context) => cache.restore(context),
    onSettled: () => cache.refresh(),
  });
}

export function useCreateTeam() {
  const cache = useOverviewCache();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: (team) =>
      cache.set((o) => ({
        ...o,
        teams: [
          ...o.teams,
          { id: team.id, name: team.name, timeZone: team.timeZone, countries: [], members: [] },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      })),
    onSettled: () => cache.refresh(),
  });
}
