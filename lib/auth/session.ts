/**
 * The signed-in actor for server components, actions and routes. The JWT names the user; the
 * role, team and active flag are read from the database on every request, so a demoted or
 * deactivated user loses access at once.
 */
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { actorOf, type Actor } from "./principal";
import { auth } from "./config";
import { can, type Permission } from "./permissions";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user || !user.active) return null;
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
