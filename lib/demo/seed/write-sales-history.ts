import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import {
  assignments,
  decisions,
  leadTransitions,
  slaClocks,
  touches,
  type scoreHistory,
  type WorkingHours,
} from "@/db/schema";
import { listPolicies } from "@/lib/domain/sla/policies";
import { simulateSalesActivity, type SeedRep } from "./sales-activity";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import type { SeedLead } from "./generate";
import { simulateSalesHistory } from "./sales-history";

const BATCH = 1000;

/**
 * Runs the sales simulation on the seeded people and writes it: transitions, assignments, stages,
 * owners, and the activity around them (SLA clocks, touches, decisions).
 */
export async function writeSalesHistory(
  db: Db,
  model: ScoringModel,
  version: number,
  leads: SeedLead[],
  history: (typeof scoreHistory.$inferInsert)[],
  now: Date,
) {
  const reps = await queryRows<{ id: string; team_id: string; capacity: number }>(
    db,
    sql`select id, team_id, capacity from users where role = 'rep' and team_id is not null order by id`,
  );
  const territories = new Map(
    (
      await queryRows<{ country: string; team_id: string }>(
        db,
        sql`select country, team_id from team_territories`,
      )
    ).map((t) => [t.country, t.team_id]),
  );
  const sim = simulateSalesHistory({
    model,
    version,
    leads,
    snapshots: history.map((h) => ({
      leadId: h.leadId,
      at: h.at,
      total: h.total,
      fit: h.fit,
      engagement: h.engagement,
    })),
    reps: reps.map((r) => ({ id: r.id, teamId: r.team_id, capacity: r.capacity })),
    territories,
    now,
  });
  const calendars = await queryRows<{
    id: string;
    time_zone: string;
    working_hours: WorkingHours;
    holidays: string[] | null;
  }>(
    db,
    sql`select u.id, u.time_zone, u.working_hours, t.holidays from users u left join teams t on t.id = u.team_id where u.role = 'rep'`,
  );
  const activity = simulateSalesActivity({
    model,
    transitions: sim.transitions,
    assignments: sim.assignments,
    reps: new Map(
      calendars.map((c): [string, SeedRep] => [
        c.id,
        {
          id: c.id,
          timeZone: c.time_zone,
          workingHours: c.working_hours,
          holidays: c.holidays ?? [],
        },
      ]),
    ),
    policies: await listPolicies(db),
    now,
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < sim.transitions.length; i += BATCH)
      await tx.insert(leadTransitions).values(sim.transitions.slice(i, i + BATCH));
    for (let i = 0; i < sim.assignments.length; i += BATCH) {
      await tx
        .insert(assignments)
        .values(sim.assignments.slice(i, i + BATCH).map((a) => ({ ...a, actorType: "system" })));
    }
    const ids = [...sim.finalStage.keys()];
    if (ids.length) {
      await tx.execute(sql`
        update leads set lifecycle_stage = x.stage::lifecycle_stage, owner_id = nullif(x.owner, '')::uuid
        from unnest(${arrayParam(ids, "uuid")}, ${arrayParam(
          ids.map((id) => sim.finalStage.get(id)!),
          "text",
        )}, ${arrayParam(
          ids.map((id) => sim.owner.get(id) ?? ""),
          "text",
        )}) as x(id, stage, owner)
        where leads.id = x.id`);
    }
    for (let i = 0; i < activity.clocks.length; i += BATCH)
      await tx.insert(slaClocks).values(activity.clocks.slice(i, i + BATCH));
    for (let i = 0; i < activity.touches.length; i += BATCH)
      await tx.insert(touches).values(activity.touches.slice(i, i + BATCH));
    for (let i = 0; i < activity.decisions.length; i += BATCH)
      await tx.insert(decisions).values(activity.decisions.slice(i, i + BATCH));
    for (const [teamId, cursor] of sim.cursors)
      await tx.execute(sql`update teams set routing_cursor = ${cursor} where id = ${teamId}`);
  });
}
