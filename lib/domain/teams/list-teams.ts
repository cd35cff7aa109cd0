import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamTerritories, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/guard";
import { isRoutable, selectMembers, type TeamMember } from "./members";

export type TeamView = {
  id: string;
  name: string;
  timeZone: string;
  countries: string[];
  members: TeamMember[];
};

/** Every team with its countries and members; and the routable people in no team yet. */
export async function listTeams({
  db,
  actor,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  now?: Date;
}): Promise<{ teams: TeamView[]; unteamed: TeamMember[] }> {
  assertCan(actor, "settings:read");
  const [teamRows, territories, members] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name, timeZone: teams.timeZone })
      .from(teams)
      .orderBy(asc(teams.name)),
    db.select().from(teamTerritories).orderBy(asc(teamTerritories.country)),
    selectMembers(db, isRoutable, now),
  ]);
  return {
    teams: teamRows
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((team) => ({
        ...team,
        countries: territories.filter((t) => t.teamId === team.id).map((t) => t.country),
        members: members.filter((m) => m.teamId === team.id),
      })),
    unteamed: members.filter((m) => m.teamId === null),
  };
}
