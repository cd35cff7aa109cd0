/**
 * Changes what routing needs to know about a person: their role, team, capacity (max open MQLs),
 * when they are away, their working hours and time zone, and whether they are active at all.
 * A rep who stops working the inbox (deactivated, or made a marketer) hands their open MQLs back
 * to routing; a new role or a deactivation ends the person's sessions.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, teams, users, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { isUuid } from "@/lib/infra/ids";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { rerouteOwnedMqls } from "@/lib/domain/users/reroute-owned-mqls";
import { revokeUserSessions } from "@/lib/domain/users/revoke-sessions";
import { selectMembers, type TeamMember } from "./members";
import { memberPatchSchema } from "./schemas";
import { awayUntilInstant, dateInZone, lastAwayDay } from "./zoned-date";

/** Key order does not matter (jsonb reorders keys). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

type Changes = Partial<
  Pick<User, "teamId" | "capacity" | "awayUntil" | "workingHours" | "timeZone" | "active" | "role">
>;

export async function updateMember({
  db,
  actor,
  userId,
  now = new Date(),
  ...input
}: { db: Db; actor: Actor; userId: string; now?: Date } & z.input<
  typeof memberPatchSchema
>): Promise<TeamMember & { reroutedMqls: number }> {
  assertCan(actor, "users:manage");
  const patch = parseInput(memberPatchSchema, input);
  if (userId === actor.id && patch.active === false) {
    throw new AppError("unprocessable", "You cannot deactivate your own account.", {
      active: ["You cannot deactivate your own account."],
    });
  }
  if (userId === actor.id && patch.role !== undefined && patch.role !== actor.role) {
    throw new AppError("unprocessable", "You cannot change your own role.", {
      role: ["You cannot change your own role: ask another admin."],
    });
  }
  return db.transaction(async (tx) => {
    const [before] = isUuid(userId)
      ? await tx.select().from(users).where(eq(users.id, userId)).for("update")
      : [];
    if (!before) throw new AppError("not_found", "There is no user with this id.");
    if (patch.teamId) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(eq(teams.id, patch.teamId));
      if (!team)
        throw new AppError("validation_failed", "That team does not exist (any more).", {
          teamId: ["That team does not exist (any more)."],
        });
    }
    const timeZone = patch.timeZone ?? before.timeZone;
    const changes: Changes = {};
    if (patch.teamId !== undefined) changes.teamId = patch.teamId;
    if (patch.capacity !== undefined) changes.capacity = patch.capacity;
    if (patch.workingHours !== undefined) changes.workingHours = patch.workingHours;
    if (patch.timeZone !== undefined) changes.timeZone = patch.timeZone;
    if (patch.active !== undefined) changes.active = patch.active;
    if (patch.role !== undefined) changes.role = patch.role;
    if (patch.awayUntil !== undefined) {
      if (patch.awayUntil !== null && patch.awayUntil < dateInZone(now, timeZone)) {
        throw new AppError("validation_failed", "Pick today or a later date.", {
          awayUntil: ["Pick today or a later date."],
        });
      }
      changes.awayUntil =
        patch.awayUntil === null ? null : awayUntilInstant(patch.awayUntil, timeZone);
    } else if (patch.timeZone && before.awayUntil && before.awayUntil > now) {
      // Moving to another zone keeps the same last day away, now counted in the new zone.
      changes.awayUntil = awayUntilInstant(
        lastAwayDay(before.awayUntil, before.timeZone),
        timeZone,
      );
    }
    const changed = (Object.keys(changes) as (keyof Changes)[]).filter(
      (k) => canonical(changes[k]) !== canonical(before[k]),
    );
    let reroutedMqls = 0;
    if (changed.length) {
      await tx.update(users).set(changes).where(eq(users.id, before.id));
      const after = { ...before, ...changes };
      const deactivated = before.active && !after.active;
      const leftInbox = can(before.role, "leads:decide") && !can(after.role, "leads:decide");
      if (deactivated || leftInbox) {
        const rerouted = await rerouteOwnedMqls(tx, {
          userId: before.id,
          actorId: actor.id,
          now,
        });
        reroutedMqls = rerouted.length;
      }
      if (deactivated || after.role !== before.role) await revokeUserSessions(tx, before.id);
      await tx.insert(auditLog).values({
        actorType: "user",
        actorId: actor.id,
        action: "user.updated",
        targetType: "user",
        targetId: before.id,
        data: {
          ...Object.fromEntries(changed.map((k) => [k, { from: before[k], to: changes[k] }])),
          ...(reroutedMqls ? { reroutedMqls } : {}),
        },
      });
    }
    const [member] = await selectMembers(tx, eq(users.id, before.id), now);
    return { ...member, reroutedMqls };
  });
}
