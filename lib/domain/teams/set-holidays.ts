/**
 * A team's holidays, replaced as a whole (admins; a manager for their own team). SLA clocks of the
 * team's reps skip these dates; clocks already running keep the deadlines computed when they started.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/shared/errors";
import { isUuid } from "@/lib/infra/ids";
import { parseInput } from "@/lib/auth/guard";
import { setHolidaysSchema } from "./schemas";

export async function setTeamHolidays({
  db,
  actor,
  teamId,
  input,
}: {
  db: Db;
  actor: Pick<Actor, "id" | "role" | "teamId">;
  teamId: string;
  input: unknown;
}): Promise<{ teamId: string; holidays: string[] }> {
  const allowed =
    can(actor.role, "users:manage") ||
    (can(actor.role, "settings:sales") && actor.teamId === teamId);
  if (!allowed)
    throw new AppError("forbidden", "Only an admin or the team's manager can change its holidays.");
  const { holidays } = parseInput(setHolidaysSchema, input);
  return db.transaction(async (tx) => {
    const [team] = isUuid(teamId)
      ? await tx
          .select({ id: teams.id, holidays: teams.holidays })
          .from(teams)
          .where(eq(teams.id, teamId))
          .for("update")
      : [];
    if (!team) throw new AppError("not_found", "No team with this id.");
    await tx.update(teams).set({ holidays }).where(eq(teams.id, teamId));
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.id,
      action: "team.holidays.set",
      targetType: "team",
      targetId: teamId,
      data: { from: team.holidays, to: holidays },
    });
    return { teamId, holidays };
  });
}
