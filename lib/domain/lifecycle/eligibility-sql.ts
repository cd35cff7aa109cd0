/**
 * The MQL conditions of eligibility.ts as SQL, over `leads` joined to a table of scores aliased
 * `s` (lead_id, total, engagement): for handing over after scoring, and for the preview's "N leads
 * become MQL on publish". The last recycling of a recycled lead comes from lead_transitions.
 */
import { sql, type SQL } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import { fieldSql } from "@/lib/domain/scoring/field-sql";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { conditionSql } from "@/lib/domain/scoring/sql-conditions";
import { HANDOFF_STAGES } from "./eligibility";

/** The join for the last recycling (alias `rc`: at, engagement); put it after the scores join. */
export const lastRecycleJoin = sql`left join lateral (
    select t.at, t.score_engagement as engagement from lead_transitions t
    where t.lead_id = leads.id and t.to_stage = 'recycled' order by t.at desc, t.id desc limit 1
  ) rc on leads.lifecycle_stage = 'recycled'`;

export function eligibleSql(model: ScoringModel, now: Date): SQL {
  const parts: SQL[] = [
    sql`leads.lifecycle_stage = any(${arrayParam(HANDOFF_STAGES, "text")}::lifecycle_stage[])`,
    sql`s.total >= ${String(model.mqlThreshold)}::float8`,
  ];
  for (const c of model.fitGate.exclude)
    parts.push(sql`not coalesce(${conditionSql(c, fieldSql(c.field))}, false)`);
  for (const f of model.requiredFields) parts.push(sql`(${fieldSql(f).text}) is not null`);
  const cooldownStart = new Date(
    now.getTime() - model.recycle.cooldownDays * 86_400_000,
  ).toISOString();
  parts.push(sql`(leads.lifecycle_stage <> 'recycled' or (
      coalesce(rc.at, '-infinity'::timestamptz) <= ${cooldownStart}::timestamptz
      and s.engagement - coalesce(rc.engagement, 0) >= ${String(model.recycle.minNewEngagement)}::float8))`);
  return sql.join(parts, sql` and `);
}
