/**
 * Imported history: each dated step a lead transition at its date (skipped when the same lead
 * already has that stage at that date, so a re-run writes nothing), then each lead's stage.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { HISTORY_LIFECYCLE as LIFECYCLE } from "@/lib/domain/outcomes/history-stages";
import type { HistoryStep } from "./map-row";
import { nullableParam } from "./sql-values";

/** Writes history steps not yet there (same lead, stage and date), then each lead's stage. */
export async function writeHistory(
  tx: Queryable,
  steps: { leadId: string; step: HistoryStep }[],
  actor: string,
): Promise<number> {
  if (!steps.length) return 0;
  const input = sql`unnest(
    ${arrayParam(
      steps.map((s) => s.leadId),
      "uuid",
    )},
    ${arrayParam(
      steps.map((s) => s.step.at.toISOString()),
      "text",
    )},
    ${arrayParam(
      steps.map((s) => LIFECYCLE[s.step.stage].stage),
      "text",
    )},
    ${arrayParam(
      steps.map((s) => LIFECYCLE[s.step.stage].reason),
      "text",
    )},
    ${nullableParam(
      steps.map((s) => s.step.reason),
      "text",
    )},
    ${nullableParam(
      steps.map((s) => s.step.note),
      "text",
    )},
    ${nullableParam(
      steps.map((s) => s.step.ownerEmail),
      "text",
    )}
  ) with ordinality as i(lead_id, at, to_stage, reason, code, note, owner, ord)`;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with t as (
          insert into lead_transitions (lead_id, at, from_stage, to_stage, actor_type, actor_id, reason, note, data)
          select i.lead_id, i.at::timestamptz,
                 (select p.to_stage from lead_transitions p where p.lead_id = i.lead_id and p.at <= i.at::timestamptz order by p.at desc, p.id desc limit 1),
                 i.to_stage::lifecycle_stage, 'system', ${actor}, i.reason, i.note,
                 jsonb_strip_nulls(jsonb_build_object('reasonCode', i.code, 'ownerEmail', i.owner, 'imported', true))
          from ${input}
          where not exists (select 1 from lead_transitions x where x.lead_id = i.lead_id and x.to_stage = i.to_stage::lifecycle_stage and x.at = i.at::timestamptz)
          order by i.at::timestamptz, i.ord
          returning lead_id
        ), s as (
          update leads set lifecycle_stage = last.to_stage
          from (select distinct on (lead_id) lead_id, to_stage from lead_transitions
                where lead_id in (select lead_id from t) order by lead_id, at desc, id desc) last
          where leads.id = last.lead_id and leads.lifecycle_stage is distinct from last.to_stage
        )
        select count(*)::int as n from t`,
  );
  return row?.n ?? 0;
}
