/** Optimistic edits of the cached overview: the screen changes at once, the server answer follows. */
import type { MemberChanges, TeamMember, TeamsOverview } from "@/lib/client/queries/settings";

const byName = (a: TeamMember, b: TeamMember) => a.name.localeCompare(b.name);

/** Applies `update` to one member, moving them between teams if their team changed. */
export function withMember(
  overview: TeamsOverview,
  userId: string,
  update: (m: TeamMember) => TeamMember,
): TeamsOverview {
  const current = [...overview.unteamed, ...overview.teams.flatMap((t) => t.members)].find(
    (m) => m.id === userId,
  );
  if (!current) return overview;
  const next = update(current);
  const place = (members: TeamMember[], teamId: string | null) => {
    const others = members.filter((m) => m.id !== userId);
    return next.teamId === teamId ? [...others, next].sort(byName) : others;
  };
  return {
    ...overview,
    teams: overview.teams.map((t) => ({ ...t, members: place(t.members, t.id) })),
    unteamed: place(overview.unteamed, null),
  };
}

/** The member as the change will leave them; `today` is the date the away flag is judged against. */
export function applyChanges(
  member: TeamMember,
  changes: MemberChanges,
  today: string,
): TeamMember {
  const next = { ...member, ...changes } as TeamMember;
  if ("awayUntil" in changes) next.away = changes.awayUntil != null && changes.awayUntil >= today;
  return next;
}

/** Gives `teamId` exactly these countries, taking them from any other team. */
export function withCountries(
  overview: TeamsOverview,
  teamId: string,
  countries: string[],
): TeamsOverview {
  const sorted = [...new Set(countries)].sort();
  return {
    ...overview,
    teams: overview.teams.map((t) =>
      t.id === teamId
        ? { ...t, countries: sorted }
        : { ...t, countries: t.countries.filter((c) => !sorted.includes(c)) },
    ),
    uncoveredCountries: overview.uncoveredCountries.filter((u) => !sorted.includes(u.country)),
  };
}

export function withTeam(
  overview: TeamsOverview,
  teamId: string,
  input: { name: string; timeZone: string },
): TeamsOverview {
  return {
    ...overview,
    teams: overview.teams
      .map((t) => (t.id === teamId ? { ...t, ...input } : t))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
