/**
 * A team's countries, replaced as a whole. A country belongs to at most one team, so naming a
 * country another team covers moves it here — and the answer says so, country by country.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, teamTerritories, teams } from "@/db/schema";
import { arrayParam } from "@/db/sql-array";
import type { Actor } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { isUuid } from "@/lib/infra/ids";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { setTerritoriesSchema } from "./schemas";

export type TerritoriesResult = {
  teamId: string;
  countries: string[];
  added: string[];
  removed: string[];
  /** Countries taken from another team by this change. */
  moved: { country: string; fromTeamId: string; fromTeamName: string }[];
};

export async function setTerritories({
  db,
  actor,
  teamId,
  ...input
}: { db: Db; actor: Actor; teamId: string } & z.input<
  typeof setTerritoriesSchema
>): Promise<TerritoriesResult> {
  assertCan(actor, "users:manage");
  const { countries } = parseInput(setTerritoriesSchema, input);
  return db.transaction(async (tx) => {
    const [team] = isUuid(teamId)
      ? await tx
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(eq(teams.id, teamId))
          .for("update")
      : [];
    if (!team) throw new AppError("not_found", "There is no team with this id.");
    const current = (
      await tx
        .select({ country: teamTerritories.country })
        .from(teamTerritories)
        .where(eq(teamTerritories.teamId, team.id))
    ).map((r) => r.country);
    const added = countries.filter((c) => !current.includes(c));
    const removed = current.filter((c) => !(countries as string[]).includes(c));
    const moved = added.length
      ? await tx
          .select({
            country: teamTerritories.country,
            fromTeamId: teams.id,
            fromTeamName: teams.name,
          })
          .from(teamTerritories)
          .innerJoin(teams, eq(teams.id, teamTerritories.teamId))
          .where(sql`${teamTerritories.country} = any(${arrayParam(added, "text")})`)
          .orderBy(asc(teamTerritories.country))
      : [];
    await tx
      .delete(teamTerritories)
      .where(
        and(
          eq(teamTerritories.teamId, team.id),
          sql`${teamTerritories.country} <> all(${arrayParam(countries, "text")})`,
        ),
      );
    if (added.length) {
      await tx
        .insert(teamTerritories)
        .values(added.map((country) => ({ country, teamId: team.id })))
        .onConflictDoUpdate({ target: teamTerritories.country, set: { teamId: team.id } });
    }
    if (added.length || removed.length) {
      await tx.insert(auditLog).values({
        actorType: "user",
        actorId: actor.id,
        action: "team.territories_set",
        targetType: "team",
        targetId: team.id,
        data: {
          team: team.name,
          added,
          removed,
          moved: moved.map((m) => ({ country: m.country, from: m.fromTeamName })),
        },
      });
    }
    return { teamId: team.id, countries, added, removed, moved };
  });
}
