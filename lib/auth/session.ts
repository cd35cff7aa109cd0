/**
 * The signed-in actor for server components, actions and routes — the one place a session is
 * checked (session-check.ts), once per request: a revoked token, an inactive user or a changed
 * role take effect on the next request.
 */
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { securityEvent } from "@/lib/infra/log";
import type { Actor } from "./principal";
import { auth } from "./config";
import { can, type Permission } from "./permissions";
import { actorForSession } from "./session-check";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return actorForSession(await getDb(), session.user);
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
  if (!can(actor.role, permission)) {
    securityEvent("request.refused", { userId: actor.id, permission, reason: "forbidden" });
    forbidden();
  }
  return actor;
}
