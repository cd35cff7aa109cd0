/**
 * Routing of new MQLs, pure: territory (the lead's country → a team), then round-robin inside the
 * team from where the team's cursor stands, skipping reps who are away, inactive or at capacity
 * (open MQLs). When nobody in the team can take it — or no team covers the country — the lead goes
 * to the unassigned queue. Reps keep a fixed order (their ids), so the rotation is fair: over many
 * MQLs each available rep gets the same number, give or take one.
 */
export type Rep = { id: string; capacity: number; open: number; available: boolean };
export type TeamState = { id: string; cursor: number; reps: Rep[] };
export type Mql = { leadId: string; country: string | null };

export type RoutingReason = "territory_round_robin" | "no_territory" | "team_full";
export type Assignment = {
  leadId: string;
  userId: string | null;
  teamId: string | null;
  reason: RoutingReason;
};

export function routeMqls(
  mqls: Mql[],
  territories: ReadonlyMap<string, string>,
  teams: ReadonlyMap<string, TeamState>,
): { assignments: Assignment[]; cursors: Map<string, number> } {
  const state = new Map(
    [...teams].map(([id, t]) => [
      id,
      { ...t, reps: [...t.reps].sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({ ...r })) },
    ]),
  );
  const cursors = new Map<string, number>();
  const assignments = mqls.map((mql): Assignment => {
    const teamId = mql.country ? territories.get(mql.country.toUpperCase()) : undefined;
    const team = teamId ? state.get(teamId) : undefined;
    if (!team)
      return { leadId: mql.leadId, userId: null, teamId: teamId ?? null, reason: "no_territory" };
    const rep = takeNextRep(team);
    if (!rep) return { leadId: mql.leadId, userId: null, teamId: team.id, reason: "team_full" };
    cursors.set(team.id, team.cursor);
    return { leadId: mql.leadId, userId: rep.id, teamId: team.id, reason: "territory_round_robin" };
  });
  return { assignments, cursors };
}

/**
 * The next rep of the rotation who can take a lead (available, under capacity, not `exclude`):
 * counts the lead against them and moves the team's cursor past them. Mutates `team`; its reps must
 * be in their fixed order (by id).
 */
export function takeNextRep(team: TeamState, exclude?: string | null): Rep | null {
  const n = team.reps.length;
  for (let step = 0; step < n; step++) {
    const index = (team.cursor + step) % n;
    const rep = team.reps[index];
    if (!rep.available || rep.open >= rep.capacity || rep.id === exclude) continue;
    rep.open += 1;
    team.cursor = index + 1;
    return rep;
  }
  return null;
}
