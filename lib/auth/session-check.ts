/**
 * Whether a session token still stands: its user exists, is active, and its session version is
 * still theirs (sign-out, a password, role or deactivation change bump it). One read by primary
 * key; the actor's role, team and time zone come from that row, never from the token.
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { isUuid } from "@/lib/infra/ids";
import { securityEvent } from "@/lib/infra/log";
import { actorOf, type Actor } from "./principal";

export type SessionClaims = { id?: unknown; sessionVersion?: unknown };

export async function actorForSession(db: Queryable, claims: SessionClaims): Promise<Actor | null> {
  const { id, sessionVersion } = claims;
  if (typeof id !== "string" || !isUuid(id) || typeof sessionVersion !== "number") {
    securityEvent("session.refused", { reason: "malformed" });
    return null;
  }
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user || !user.active || user.sessionVersion !== sessionVersion) {
    securityEvent("session.refused", {
      userId: id,
      reason: !user ? "unknown user" : !user.active ? "inactive" : "revoked",
    });
    return null;
  }
  return actorOf(user);
}
