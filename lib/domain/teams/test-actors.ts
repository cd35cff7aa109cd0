/** Test helpers: actors built from factory users. */
import { createUser } from "@/db/factories";
import type { Db } from "@/db/client";
import type { Role } from "@/lib/shared/vocabulary";
import type { Actor } from "@/lib/auth/principal";

export async function createActor(db: Db, role: Role, name = `${role} person`): Promise<Actor> {
  const u = await createUser(db, { role, name });
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    teamId: u.teamId,
    timeZone: u.timeZone,
  };
}
