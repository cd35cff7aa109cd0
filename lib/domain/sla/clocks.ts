/**
 * SLA clocks follow assignments: assigning an MQL to a rep closes the lead's open clock (if any)
 * and starts a new one whose deadlines are computed now, in the new rep's business hours, and
 * stored. Set-based over the assignments of one routing pass.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { slaClocks } from "@/db/schema";
import type { WorkingHours } from "@/lib/shared/vocabulary";
import { computeDeadlines, scheduleOf } from "./deadlines";
import { choosePolicy, FALLBACK_POLICY } from "./policy";
import { listPolicies } from "./policies";

export type ClockAssignment = {
  leadId: string;
  userId: string | null;
  teamId: string | null;
  /** When the clock starts; `now` by default. */ startedAt?: Date;
};

/**
 * Closes the open clocks of these leads ("reassigned", "accept", …). A clock closed past its
 * first-touch deadline without a touch is marked breached if the sweep has not done so yet.
 */
export async function closeClocks(
  tx: Queryable,
  leadIds: string[],
  now: Date,
  reason: string,
): Promise<void> {
  if (!leadIds.length) return;
  await tx.execute(sql`
    update sla_clocks set closed_at = ${now.toISOString()}::timestamptz, close_reason = ${reason},
      breached_first_touch_at = coalesce(breached_first_touch_at, case when first_touch_at is null and first_touch_due <= ${now.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz end)
    where closed_at is null and lead_id = any(${arrayParam(leadIds, "uuid")})`);
}

/** Restarts the clocks of these assignments; leads left unassigned keep no clock. */
export async function startClocks(
  tx: Queryable,
  assignments: ClockAssignment[],
  now: Date,
): Promise<number> {
  if (!assignments.length) return 0;
  await closeClocks(
    tx,
    assignments.map((a) => a.leadId),
    now,
    "reassigned",
  );
  const assigned = assignments.filter((a): a is ClockAssignment & { userId: string } =>
    Boolean(a.userId),
  );
  if (!assigned.length) return 0;
  const policies = await listPolicies(tx);
  const rows = await queryRows<{
    lead_id: string;
    user_id: string;
    team_id: string | null;
    fit_grade: string | null;
    total: number | null;
    time_zone: string;
    working_hours: WorkingHours;
    holidays: string[] | null;
  }>(
    tx,
    sql`select a.lead_id, a.user_id, u.team_id, s.fit_grade, s.total, u.time_zone, u.working_hours, t.holidays
        from unnest(${arrayParam(
          assigned.map((a) => a.leadId),
          "uuid",
        )}, ${arrayParam(
          assigned.map((a) => a.userId),
          "uuid",
        )}) as a(lead_id, user_id)
        join leads l on l.id = a.lead_id and l.lifecycle_stage = 'mql'
        join users u on u.id = a.user_id
        left join teams t on t.id = u.team_id
        left join lead_scores s on s.lead_id = a.lead_id`,
  );
  if (!rows.length) return 0;
  const startOf = new Map(assigned.map((a) => [a.leadId, a.startedAt ?? now]));
  const values = rows.map((r) => {
    const startedAt = startOf.get(r.lead_id) ?? now;
    const policy =
      choosePolicy(policies, { fitGrade: r.fit_grade, total: r.total }) ?? FALLBACK_POLICY;
    const due = computeDeadlines(
      policy,
      startedAt,
      scheduleOf({
        timeZone: r.time_zone,
        workingHours: r.working_hours,
        holidays: r.holidays ?? [],
      }),
    );
    return {
      leadId: r.lead_id,
      userId: r.user_id,
      teamId: r.team_id,
      policyId: policy.id,
      policyName: policy.name,
      minTouches: policy.minTouches,
      reassignOnBreach: policy.reassignOnBreach,
      startedAt,
      firstTouchDue: due.firstTouchDue,
      touchesDueBy: due.touchesDueBy,
    };
  });
  // A lead has one open clock (unique index): a concurrent writer that got there first wins.
  for (let i = 0; i < values.length; i += 1000)
    await tx
      .insert(slaClocks)
      .values(values.slice(i, i + 1000))
      .onConflictDoNothing();
  return values.length;
}

/**
 * Open MQLs with an owner but no running clock — assigned before clocks existed (data migrated from
 * an earlier version) or by a path that wrote the owner directly — get one, started when the lead
 * was last assigned to that owner. The sweep runs this first, so no open MQL escapes the SLA. Leads
 * locked by a decision in progress are left for the next sweep.
 */
export async function startMissingClocks(tx: Queryable, now: Date): Promise<number> {
  const missing = await queryRows<{
    lead_id: string;
    user_id: string;
    team_id: string | null;
    at: Date | string | null;
  }>(
    tx,
    sql`select l.id as lead_id, l.owner_id as user_id, u.team_id,
               (select max(a.at) from assignments a where a.lead_id = l.id and a.user_id = l.owner_id) as at
        from leads l join users u on u.id = l.owner_id
        where l.lifecycle_stage = 'mql' and not exists (select 1 from sla_clocks c where c.lead_id = l.id and c.closed_at is null)
        for update of l skip locked`,
  );
  if (!missing.length) return 0;
  return startClocks(
    tx,
    missing.map((m) => ({
      leadId: m.lead_id,
      userId: m.user_id,
      teamId: m.team_id,
      startedAt: m.at ? new Date(m.at) : now,
    })),
    now,
  );
}
