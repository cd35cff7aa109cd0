import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { leads, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/principal";
import { leadScope } from "@/lib/auth/lead-scope";

/** The lead if this actor may see it; null otherwise (callers answer 404, never 403, to avoid leaking ids). */
export async function getLead({ db, actor, id }: { db: Db; actor: Viewer; id: string }) {
  const [row] = await db
    .select({ lead: leads, ownerName: users.name, ownerTeam: teams.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(leads.id, id), leadScope(actor, leads)))
    .limit(1);
  if (!row) return null;
  return { ...row.lead, ownerName: row.ownerName, ownerTeam: row.ownerTeam };
}

export type LeadDetail = NonNullable<Awaited<ReturnType<typeof getLead>>>;
