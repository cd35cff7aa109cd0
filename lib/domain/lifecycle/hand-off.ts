/**
 * The handoff: after scores change, every lead meeting all the MQL conditions moves to `mql` —
 * once. The stage change is a single UPDATE whose WHERE re-checks the stage: when two transactions
 * race for the same lead, the second waits for the first, sees the lead is already an MQL and
 * leaves it alone. Each move is recorded (time, system actor, reason, score, model version) and
 * the new MQLs are routed to reps; a `lead.mql` webhook event is written for each, in the same
 * transaction (lib/domain/webhooks/outbox.ts).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { assignMqls } from "@/lib/domain/routing/assign-mqls";
import type { Assignment } from "@/lib/domain/routing/round-robin";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { emitMqls } from "@/lib/domain/webhooks/lead-events";
import { HANDOFF_STAGES } from "./eligibility";
import { eligibleSql, lastRecycleJoin } from "./eligibility-sql";

export type HandOffResult = { handedOver: number; assignments: Assignment[] };

export async function handOff(
  tx: Queryable,
  args: { model: ScoringModel; version: number; now: Date; leadIds?: string[] | null },
): Promise<HandOffResult> {
  if (args.leadIds && args.leadIds.length === 0) return { handedOver: 0, assignments: [] };
  const stages = sql`${arrayParam(HANDOFF_STAGES, "text")}::lifecycle_stage[]`;
  const moved = await queryRows<{ id: string; country: string | null }>(
    tx,
    sql`
    with candidates as (
      select leads.id, leads.lifecycle_stage as from_stage, s.total, s.fit, s.engagement
      from leads join lead_scores s on s.lead_id = leads.id
      ${lastRecycleJoin}
      where ${eligibleSql(args.model, args.now)}
      ${args.leadIds ? sql`and leads.id = any(${arrayParam(args.leadIds, "uuid")})` : sql``}
    ),
    moved as (
      update leads set lifecycle_stage = 'mql'
      from candidates c
      where leads.id = c.id and leads.lifecycle_stage = any(${stages})
      returning leads.id, leads.country, c.from_stage, c.total, c.fit, c.engagement
    ),
    logged as (
      insert into lead_transitions (lead_id, at, from_stage, to_stage, actor_type, reason, score_total, score_fit, score_engagement, model_version)
      select id, ${args.now.toISOString()}::timestamptz, from_stage, 'mql', 'system', 'threshold_reached', total, fit, engagement, ${args.version}::int
      from moved
    )
    select id, country from moved order by id`,
  );
  const assignments = await assignMqls(
    tx,
    moved.map((m) => ({ leadId: m.id, country: m.country })),
    args.now,
  );
  await emitMqls(
    tx,
    moved.map((m) => m.id),
    args.now,
  );
  return { handedOver: moved.length, assignments };
}
