/**
 * The signed-in actor for server components, actions and routes — the one place a session is
 * checked. The JWT names the user and carries their session version; the row is read once per
 * request (by primary key): a token whose version is no longer the user's (signed out, password,
 * role or deactivation changed since) or whose user is inactive is refused, and the role, team
 * and time zone come from the row, so a change takes effect on the next request.
 */
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isUuid } from "@/lib/infra/ids";
import { securityEvent } from "@/lib/infra/log";
import { actorOf, type Actor } from "./principal";
import { auth } from "./config";
import { can, type Permission } from "./permissions";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const version = session.user.sessionVersion;
  if (!isUuid(id) || typeof version !== "number") {
    securityEvent("session.refused", { reason: "malformed" });
    return null;
  }
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user || !user.active || user.sessionVersion !== version) {
    securityEvent("session.refused", {
      userId: id,
      reason: !user ? "unknown user" : !user.active ? "inactive" : "revoked",
    });
    return null;
  }
  return actorOf(user);
});

/** For pages: sends the visitor to sign in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages: the friendly 403 page when the role may not see this. */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
