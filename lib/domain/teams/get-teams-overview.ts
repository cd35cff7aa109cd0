import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/principal";
import { getRoutingGaps, type RoutingGaps } from "./get-routing-gaps";
import { listTeams, type TeamView } from "./list-teams";
import type { TeamMember } from "./members";

export type TeamsOverview = RoutingGaps & { teams: TeamView[]; unteamed: TeamMember[] };

/** Everything the "Teams and routing" settings show, in one answer. */
export async function getTeamsOverview({
  db,
  actor,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  now?: Date;
}): Promise<TeamsOverview> {
  const [teams, gaps] = await Promise.all([
    listTeams({ db, actor, now }),
    getRoutingGaps({ db, actor }),
  ]);
  return { ...teams, ...gaps };
}
