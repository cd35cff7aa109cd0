/** The people routing can hand MQLs to, with how many open MQLs each holds against capacity. */
import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { leads, users, type WorkingHours } from "@/db/schema";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { lastAwayDay } from "./zoned-date";

export type TeamMember = Actor & {
  workingHours: WorkingHours;
  capacity: number;
  active: boolean;
  /** Last day away (inclusive) in the member's time zone, while that is still ahead; else null. */
  awayUntil: string | null;
  /** Routing skips them right now. */
  away: boolean;
  /** Leads at stage MQL they own. */
  openMqls: number;
};

/** Reps and managers (the roles that own leads), and anyone else placed in a team. */
export const isRoutable = or(inArray(users.role, ["rep", "manager"]), isNotNull(users.teamId))!;

export async function selectMembers(db: Queryable, where: SQL, now: Date): Promise<TeamMember[]> {
  const open = db
    .select({ ownerId: leads.ownerId, n: sql<number>`count(*)::int`.as("n") })
    .from(leads)
    .where(and(eq(leads.stage, "mql"), isNotNull(leads.ownerId)))
    .groupBy(leads.ownerId)
    .as("open");
  const rows = await db
    .select({ user: users, openMqls: sql<number>`coalesce(${open.n}, 0)::int` })
    .from(users)
    .leftJoin(open, eq(open.ownerId, users.id))
    .where(where);
  // Sorted here rather than by the database's collation, so the browser's optimistic updates agree.
  rows.sort((a, b) => a.user.name.localeCompare(b.user.name));
  return rows.map(({ user, openMqls }) => {
    const away = user.awayUntil !== null && user.awayUntil.getTime() > now.getTime();
    return {
      ...actorOf(user),
      workingHours: user.workingHours,
      capacity: user.capacity,
      active: user.active,
      awayUntil: away ? lastAwayDay(user.awayUntil!, user.timeZone) : null,
      away,
      openMqls: Number(openMqls),
    };
  });
}
