/** Everyone who can sign in, as the admin's users list shows them. */
import { and, asc, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { leads, teams, userInvitations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/guard";
import type { Role } from "@/lib/shared/vocabulary";

export type UserSummary = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  timeZone: string;
  capacity: number;
  active: boolean;
  /** Signs in with a password (else: invited and not yet accepted, or single sign-on only). */
  passwordSet: boolean;
  /** When the newest unused link expires, while it still works. */
  invitationExpiresAt: string | null;
  openMqls: number;
  createdAt: string;
};

export async function selectUsers(db: Queryable, now: Date, where?: SQL): Promise<UserSummary[]> {
  const open = db
    .select({ ownerId: leads.ownerId, n: sql<number>`count(*)::int`.as("n") })
    .from(leads)
    .where(eq(leads.stage, "mql"))
    .groupBy(leads.ownerId)
    .as("open");
  const pending = db
    .select({
      userId: userInvitations.userId,
      // Epoch milliseconds: the same number from PGlite and postgres.js.
      expiresAt:
        sql<number>`(extract(epoch from max(${userInvitations.expiresAt})) * 1000)::float8`.as(
          "expires_ms",
        ),
    })
    .from(userInvitations)
    .where(and(isNull(userInvitations.usedAt), gt(userInvitations.expiresAt, now)))
    .groupBy(userInvitations.userId)
    .as("pending");
  const rows = await db
    .select({
      user: users,
      teamName: teams.name,
      openMqls: sql<number>`coalesce(${open.n}, 0)::int`,
      expiresAt: pending.expiresAt,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(open, eq(open.ownerId, users.id))
    .leftJoin(pending, eq(pending.userId, users.id))
    .where(where)
    .orderBy(asc(users.email));
  // Sorted here rather than by the database's collation (PGlite's differs), as people read names.
  rows.sort((a, b) => a.user.name.localeCompare(b.user.name));
  return rows.map(({ user, teamName, openMqls, expiresAt }) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    teamName: teamName ?? null,
    timeZone: user.timeZone,
    capacity: user.capacity,
    active: user.active,
    passwordSet: user.passwordHash !== null,
    invitationExpiresAt: expiresAt == null ? null : new Date(Number(expiresAt)).toISOString(),
    openMqls: Number(openMqls),
    createdAt: user.createdAt.toISOString(),
  }));
}

export async function listUsers({
  db,
  actor,
  now = new Date(),
}: {
  db: Queryable;
  actor: Pick<Actor, "role">;
  now?: Date;
}): Promise<UserSummary[]> {
  assertCan(actor, "users:manage");
  return selectUsers(db, now);
}
