/**
 * One-time links to set a password: an admin invites a new user (or sends a fresh link to one who
 * lost theirs), the person opens the link, chooses a password and signs in. The token travels only
 * in the link; the database keeps its SHA-256. A link works once, for INVITATION_DAYS days, and
 * issuing a new one for the same person cancels the older ones.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { auditLog, userInvitations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/credentials";
import { isUuid } from "@/lib/infra/ids";
import { AppError } from "@/lib/shared/errors";
import { acceptInvitationSchema } from "./schemas";

export const INVITATION_DAYS = 7;

export type IssuedInvitation = {
  /** Where the person sets their password: `/invite/<token>` on this app. */
  path: string;
  expiresAt: string;
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Writes a new link for this user (inside the caller's transaction) and cancels their older ones. */
export async function issueInvitation(
  tx: Queryable,
  args: { userId: string; createdBy: string | null; now: Date },
): Promise<IssuedInvitation> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(args.now.getTime() + INVITATION_DAYS * 24 * 3600_000);
  await tx
    .delete(userInvitations)
    .where(and(eq(userInvitations.userId, args.userId), isNull(userInvitations.usedAt)));
  await tx.insert(userInvitations).values({
    userId: args.userId,
    tokenHash: hashToken(token),
    expiresAt,
    createdBy: args.createdBy,
    createdAt: args.now,
  });
  return { path: `/invite/${token}`, expiresAt: expiresAt.toISOString() };
}

/** An admin asks for a new link for someone: to finish an invitation or to reset a password. */
export async function createInvitationLink({
  db,
  actor,
  userId,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  userId: string;
  now?: Date;
}): Promise<IssuedInvitation> {
  assertCan(actor, "users:manage");
  return db.transaction(async (tx) => {
    const [user] = isUuid(userId)
      ? await tx.select().from(users).where(eq(users.id, userId)).for("update")
      : [];
    if (!user) throw new AppError("not_found", "There is no user with this id.");
    if (!user.active)
      throw new AppError(
        "unprocessable",
        `${user.name} is deactivated: reactivate them before sending a link.`,
      );
    const invitation = await issueInvitation(tx, { userId: user.id, createdBy: actor.id, now });
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: actor.id,
      action: "user.invited",
      targetType: "user",
      targetId: user.id,
      data: { expiresAt: invitation.expiresAt, passwordSet: user.passwordHash !== null },
    });
    return invitation;
  });
}

export type InvitationProblem = "unknown" | "used" | "expired" | "inactive";

type Found =
  | { ok: true; invitationId: string; userId: string; name: string; email: string }
  | { ok: false; reason: InvitationProblem };

async function findInvitation(db: Queryable, token: string, now: Date, lock: boolean) {
  if (!token || token.length > 200) return { ok: false, reason: "unknown" } as const;
  const query = db
    .select({ invitation: userInvitations, user: users })
    .from(userInvitations)
    .innerJoin(users, eq(users.id, userInvitations.userId))
    .where(eq(userInvitations.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for("update", { of: userInvitations }) : await query;
  if (!row) return { ok: false, reason: "unknown" } as const;
  if (row.invitation.usedAt) return { ok: false, reason: "used" } as const;
  if (row.invitation.expiresAt.getTime() <= now.getTime())
    return { ok: false, reason: "expired" } as const;
  if (!row.user.active) return { ok: false, reason: "inactive" } as const;
  return {
    ok: true,
    invitationId: row.invitation.id,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
  } as const;
}

/** For the link's page: who it is for, or why it can no longer be used. */
export async function readInvitation(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<Found> {
  return findInvitation(db, token, now, false);
}

export type AcceptResult =
  | { ok: true; email: string }
  | { ok: false; reason: InvitationProblem | "password"; message?: string };

/** The invitee sets their password; the link is spent. Two tabs racing: only one wins. */
export async function acceptInvitation({
  db,
  token,
  password,
  now = new Date(),
}: {
  db: Db;
  token: string;
  password: string;
  now?: Date;
}): Promise<AcceptResult> {
  const parsed = acceptInvitationSchema.safeParse({ token, password });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue?.path[0] === "password"
      ? { ok: false, reason: "password", message: issue.message }
      : { ok: false, reason: "unknown" };
  }
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    const found = await findInvitation(tx, parsed.data.token, now, true);
    if (!found.ok) return found;
    await tx
      .update(userInvitations)
      .set({ usedAt: now })
      .where(eq(userInvitations.id, found.invitationId));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, found.userId));
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: found.userId,
      action: "user.password_set",
      targetType: "user",
      targetId: found.userId,
      data: { through: "invitation" },
    });
    return { ok: true, email: found.email };
  });
}
