/**
 * The minimum-touches rule: "no response" is a valid rejection only after K touch attempts in the
 * current assignment episode (the lead's open SLA clock; without one, since its last handoff).
 * K and D come from the clock (its policy at assignment), or from the policy the lead gets now.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { listPolicies } from "@/lib/domain/sla/policies";
import { choosePolicy, FALLBACK_POLICY, type ScoreForPolicy } from "@/lib/domain/sla/policy";

export type MinimumTouches = { done: number; required: number; windowDays: number };

export async function minimumTouchesStatus(
  tx: Queryable,
  leadId: string,
  score: ScoreForPolicy,
): Promise<MinimumTouches> {
  const [row] = await queryRows<{
    done: number;
    min_touches: number | null;
    window_days: number | null;
  }>(
    tx,
    sql`with clock as (
          select c.started_at, c.min_touches, p.touch_window_days from sla_clocks c left join sla_policies p on p.id = c.policy_id
          where c.lead_id = ${leadId} and c.closed_at is null),
        since as (
          select coalesce((select started_at from clock), (select max(at) from lead_transitions where lead_id = ${leadId} and to_stage = 'mql'), '-infinity'::timestamptz) as at)
        select (select count(*)::int from touches t, since where t.lead_id = ${leadId} and t.at >= since.at) as done,
               (select min_touches from clock) as min_touches, (select touch_window_days from clock) as window_days`,
  );
  const policy = choosePolicy(await listPolicies(tx), score) ?? FALLBACK_POLICY;
  return {
    done: Number(row?.done ?? 0),
    required: row?.min_touches ?? policy.minTouches,
    windowDays: row?.window_days ?? policy.touchWindowDays,
  };
}
