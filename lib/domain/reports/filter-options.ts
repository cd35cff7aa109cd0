import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teams, users } from "@/db/schema";

/** The teams and reps the dashboards can be filtered by. */
export async function reportFilterOptions(db: Db) {
  const [teamRows, repRows] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db
      .select({ id: users.id, name: users.name, teamId: users.teamId })
      .from(users)
      .where(eq(users.role, "rep"))
      .orderBy(asc(users.name)),
  ]);
  return { teams: teamRows, reps: repRows };
}
