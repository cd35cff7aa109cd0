import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teams, users } from "@/db/schema";

/** Users who can own leads (reps and managers), for owner filters and pickers. */
export async function listOwners(db: Db) {
  return db
    .select({ id: users.id, name: users.name, role: users.role, team: teams.name })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(inArray(users.role, ["rep", "manager"]))
    .orderBy(asc(teams.name), asc(users.name));
}
