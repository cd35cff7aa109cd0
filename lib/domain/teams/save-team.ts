import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { isUuid } from "@/lib/infra/ids";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { saveTeamSchema } from "./schemas";

export type SavedTeam = { id: string; name: string; timeZone: string; created: boolean };

/** Creates a team (no `id`) or renames it and sets its time zone. Names are unique, whatever the case. */
export async function saveTeam({
  db,
  actor,
  id,
  ...input
}: { db: Db; actor: Actor; id?: string } & z.input<typeof saveTeamSchema>): Promise<SavedTeam> {
  assertCan(actor, "users:manage");
  const { name, timeZone } = parseInput(saveTeamSchema, input);
  return db.transaction(async (tx) => {
    const before =
      id && isUuid(id)
        ? (await tx.select().from(teams).where(eq(teams.id, id)).limit(1))[0]
        : undefined;
    if (id && !before) throw new AppError("not_found", "There is no team with this id.");
    const [clash] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(sql`lower(${teams.name}) = lower(${name})`, id ? ne(teams.id, id) : undefined))
      .limit(1);
    if (clash)
      throw new AppError("conflict", `A team named “${name}” already exists.`, {
        name: [`A team named “${name}” already exists.`],
      });
    const [row] = before
      ? await tx.update(teams).set({ name, timeZone }).where(eq(teams.id, before.id)).returning()
      : await tx.insert(teams).values({ name, timeZone }).returning();
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.id,
      action: before ? "team.updated" : "team.created",
      targetType: "team",
      targetId: row.id,
      data: before
        ? { from: { name: before.name, timeZone: before.timeZone }, to: { name, timeZone } }
        : { name, timeZone },
    });
    return { id: row.id, name: row.name, timeZone: row.timeZone, created: !before };
  });
}
