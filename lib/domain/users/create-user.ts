/**
 * A new user, by an admin in Settings or by an operator with the CLI: with a password they sign
 * in at once; without one they get a one-time link (invitations.ts) to choose it.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { UNIQUE_VIOLATION, pgCode } from "@/db/pg-errors";
import { auditLog, teams, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/credentials";
import { AppError } from "@/lib/shared/errors";
import { issueInvitation, type IssuedInvitation } from "./invitations";
import { selectUsers, type UserSummary } from "./list-users";
import { createUserSchema, type CreateUserInput } from "./schemas";

const taken = (email: string) =>
  new AppError("conflict", `A user with email ${email} already exists.`, {
    email: [`A user with email ${email} already exists.`],
  });

export async function createUser({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Db;
  /** Null for the operator's CLI, which runs with the database's own rights. */
  actor: Actor | null;
  input: CreateUserInput;
  now?: Date;
}): Promise<{ user: UserSummary; invitation: IssuedInvitation | null }> {
  if (actor) assertCan(actor, "users:manage");
  const data = parseInput(createUserSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, data.email));
      if (existing) throw taken(data.email);
      if (data.teamId) {
        const [team] = await tx
          .select({ id: teams.id })
          .from(teams)
          .where(eq(teams.id, data.teamId));
        if (!team)
          throw new AppError("validation_failed", "That team does not exist (any more).", {
            teamId: ["That team does not exist (any more)."],
          });
      }
      const [user] = await tx
        .insert(users)
        .values({
          email: data.email,
          name: data.name,
          role: data.role,
          passwordHash,
          teamId: data.teamId ?? null,
          timeZone: data.timeZone,
          ...(data.capacity !== undefined ? { capacity: data.capacity } : {}),
          createdAt: now,
        })
        .returning({ id: users.id });
      const invitation = passwordHash
        ? null
        : await issueInvitation(tx, { userId: user.id, createdBy: actor?.id ?? null, now });
      await tx.insert(auditLog).values({
        at: now,
        actorType: actor ? "user" : "system",
        actorId: actor?.id ?? "cli",
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        data: { email: data.email, role: data.role, invited: invitation !== null },
      });
      const [summary] = await selectUsers(tx, now, eq(users.id, user.id));
      return { user: summary, invitation };
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if (pgCode(error) === UNIQUE_VIOLATION) throw taken(data.email);
    throw error;
  }
}
