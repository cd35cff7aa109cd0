import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teams } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/principal";

/** The teams whose holidays the actor may change: every team for an admin, their own for a manager. */
export async function listHolidayTeams(db: Db, actor: Pick<Actor, "role" | "teamId">) {
  const rows = await db
    .select({ id: teams.id, name: teams.name, timeZone: teams.timeZone, holidays: teams.holidays })
    .from(teams)
    .orderBy(asc(teams.name));
  return can(actor.role, "users:manage") ? rows : rows.filter((team) => team.id === actor.teamId);
}
