/** Test helpers: an FR and a US sales team, and MQLs assigned to reps with running SLA clocks. */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createLead, createTeam, createUser } from "@/db/factories";
import { leadScores, leadTransitions } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { assignLead } from "@/lib/domain/routing/assign-lead";

const paris = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };
const newYork = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" };

const actorOf = (u: {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  teamId: string | null;
  timeZone: string;
}): Actor => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  teamId: u.teamId,
  timeZone: u.timeZone,
});

export async function salesTeams(db: Db) {
  const fr = await createTeam(db, `FR ${Math.random().toString(36).slice(2, 7)}`, "Europe/Paris");
  const us = await createTeam(
    db,
    `US ${Math.random().toString(36).slice(2, 7)}`,
    "America/New_York",
  );
  const rep = (name: string, teamId: string, timeZone: string, workingHours: typeof paris) =>
    createUser(db, { role: "rep", name, teamId, timeZone, workingHours }).then(actorOf);
  return {
    fr,
    us,
    frRep: await rep("Thomas FR", fr.id, "Europe/Paris", paris),
    frRep2: await rep("Léa FR", fr.id, "Europe/Paris", paris),
    usRep: await rep("Emily US", us.id, "America/New_York", newYork),
    frManager: actorOf(
      await createUser(db, {
        role: "manager",
        name: "Sophie FR manager",
        teamId: fr.id,
        timeZone: "Europe/Paris",
      }),
    ),
    usManager: actorOf(
      await createUser(db, {
        role: "manager",
        name: "US manager",
        teamId: us.id,
        timeZone: "America/New_York",
      }),
    ),
    marketer: actorOf(await createUser(db, { role: "marketer", name: "Camille marketer" })),
    admin: actorOf(await createUser(db, { role: "admin", name: "Alex admin" })),
  };
}

/** An MQL handed over at `at` and assigned to `owner` then (its clock starts at `at`). */
export async function assignedMql(
  db: Db,
  owner: Pick<Actor, "id" | "teamId"> | null,
  at: Date,
  score: {
    total?: number;
    fitGrade?: string;
    engagementGrade?: number;
    modelVersion?: number;
  } = {},
  lead: Parameters<typeof createLead>[1] = {},
) {
  const row = await createLead(db, {
    stage: "mql",
    company: "Horizon",
    jobTitle: "CTO",
    source: "webinar",
    ...lead,
  });
  const total = score.total ?? 60;
  await db.insert(leadScores).values({
    leadId: row.id,
    modelVersion: score.modelVersion ?? 1,
    total,
    fit: total / 2,
    engagement: total / 2,
    fitGrade: score.fitGrade ?? "B",
    engagementGrade: score.engagementGrade ?? 2,
    band: "hot",
    asOf: at,
    recordedTotal: total,
  });
  await db.insert(leadTransitions).values({
    leadId: row.id,
    at,
    fromStage: "lead",
    toStage: "mql",
    actorType: "system",
    reason: "threshold_reached",
    scoreTotal: total,
    modelVersion: score.modelVersion ?? 1,
  });
  await assignLead(db, {
    leadId: row.id,
    userId: owner?.id ?? null,
    teamId: owner?.teamId ?? null,
    reason: "territory_round_robin",
    actor: { actorType: "system", actorId: null },
    now: at,
  });
  return row;
}

export async function countRows(
  db: Db,
  table: "decisions" | "touches" | "lead_transitions" | "audit_log",
  leadId: string,
): Promise<number> {
  const column = table === "audit_log" ? sql`target_id` : sql`lead_id::text`;
  const result = (await db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${column} = ${leadId}`,
  )) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows;
  return Number((rows[0] as { n: number }).n);
}
