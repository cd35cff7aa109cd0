/**
 * The inbox: open MQLs (and SALs awaiting qualification) of a rep, or of a manager's team plus
 * the unassigned queue (filterable by rep). Sorted by priority in SQL: the nearest pending SLA
 * deadline first (overdue ones lead), then fit grade, engagement grade, score, and the most recent
 * handoff. Scoped in the WHERE clause, so a rep never reads another rep's rows.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/guard";
import { leadColumns, leadScope } from "@/lib/auth/lead-scope";
import type { Schedule } from "@/lib/domain/sla/business-hours";
import { scheduleOf } from "@/lib/domain/sla/deadlines";
import type { WorkingHours } from "@/lib/shared/vocabulary";
import { withStoredReasons, type TopReason } from "./top-reasons";

export type InboxFilter = {
  repId?: string | "unassigned" | null;
  /** Only leads past the SLA: a breach recorded on the running clock, or a deadline passed now. */
  breachedOnly?: boolean;
  now?: Date;
  limit?: number;
};

export type InboxRow = {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  source: string | null;
  stage: LifecycleStage;
  owner: { id: string; name: string } | null;
  score: { total: number; grade: string; modelVersion: number } | null;
  reasons: TopReason[];
  handedOverAt: string | null;
  sla: {
    policy: string;
    startedAt: string;
    firstTouchDue: string;
    firstTouchAt: string | null;
    touchesDueBy: string;
    nextDue: string | null;
    touchesDone: number;
    touchesRequired: number;
    breached: { firstTouch: boolean; touches: boolean };
    overdue: boolean;
    /**
     * The business hours the deadlines were counted in (the clock's rep: time zone, working days
     * and hours, their team's holidays from today on), so a countdown can show business time left.
     */
    schedule: Schedule;
  } | null;
  touchesDone: number;
  /**
   * An earlier clock of this handoff was breached (then closed by a reassignment): the breach
   * stays in view after the lead moves to another rep.
   */
  breachedEarlier: boolean;
  /** The predictive score's probability of the report target, null before a model is trained. */
  prediction: number | null;
};

type Row = {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  source: string | null;
  stage: LifecycleStage;
  owner_id: string | null;
  owner_name: string | null;
  total: number | null;
  fit_grade: string | null;
  engagement_grade: number | null;
  model_version: number | null;
  as_of: Date | string | null;
  earned: number[] | null;
  handed_over_at: Date | string | null;
  clock_id: number | null;
  policy_name: string | null;
  started_at: Date | string | null;
  first_touch_due: Date | string | null;
  first_touch_at: Date | string | null;
  touches_due_by: Date | string | null;
  min_touches: number | null;
  breached_first_touch_at: Date | string | null;
  breached_touches_at: Date | string | null;
  touches_done: number;
  next_due: Date | string | null;
  prediction: number | null;
  breached_earlier: boolean | null;
  clock_time_zone: string | null;
  clock_working_hours: WorkingHours | null;
  clock_holidays: string[] | null;
};

const previousDay = (isoDate: string) =>
  new Date(Date.parse(isoDate) - 86_400_000).toISOString().slice(0, 10);

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function scope(actor: Pick<Actor, "id" | "role" | "teamId">, repId: InboxFilter["repId"]): SQL {
  const visible = leadScope(actor, leadColumns("l"));
  if (repId === "unassigned") return sql`${visible} and l.owner_id is null`;
  if (repId) return sql`${visible} and l.owner_id = ${repId}`;
  return visible;
}

export async function listInbox(
  db: Queryable,
  actor: Pick<Actor, "id" | "role" | "teamId">,
  filter: InboxFilter = {},
): Promise<{ rows: InboxRow[]; now: string }> {
  assertCan(actor, "inbox:read");
  const now = filter.now ?? new Date();
  const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 2000);
  const rows = await queryRows<Row>(
    db,
    sql`select l.id,
          coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.email, l.external_id) as name,
          l.company, l.job_title as title, l.source, l.lifecycle_stage as stage, l.owner_id, o.name as owner_name,
          s.total, s.fit_grade, s.engagement_grade, s.model_version, s.as_of, s.earned,
          h.at as handed_over_at,
          c.id as clock_id, c.policy_name, c.started_at, c.first_touch_due, c.first_touch_at, c.touches_due_by, c.min_touches,
          c.breached_first_touch_at, c.breached_touches_at,
          cu.time_zone as clock_time_zone, cu.working_hours as clock_working_hours, ct.holidays as clock_holidays,
          coalesce(tc.n, 0) as touches_done, lp.probability as prediction, pb.breached as breached_earlier,
          case when c.id is null then null
               when c.first_touch_at is null then c.first_touch_due
               when coalesce(tc.n, 0) < c.min_touches then c.touches_due_by end as next_due
        from leads l
        left join users o on o.id = l.owner_id
        left join lead_scores s on s.lead_id = l.id
        left join sla_clocks c on c.lead_id = l.id and c.closed_at is null
        left join users cu on cu.id = c.user_id
        left join teams ct on ct.id = cu.team_id
        left join lead_predictions lp on lp.lead_id = l.id
        left join lateral (select count(*)::int as n from touches t where t.lead_id = l.id and t.at >= coalesce(c.started_at, '-infinity'::timestamptz)) tc on true
        left join lateral (select max(t.at) as at from lead_transitions t where t.lead_id = l.id and t.to_stage = 'mql') h on true
        left join lateral (select bool_or(pc.breached_first_touch_at is not null or pc.breached_touches_at is not null) as breached
                           from sla_clocks pc where pc.lead_id = l.id and pc.closed_at is not null and pc.started_at >= coalesce(h.at, '-infinity'::timestamptz)) pb on true
        where l.lifecycle_stage in ('mql', 'sal') and ${scope(actor, filter.repId)}
          ${
            filter.breachedOnly
              ? sql`and (c.breached_first_touch_at is not null or c.breached_touches_at is not null or pb.breached
                or (c.first_touch_at is null and c.first_touch_due <= ${now.toISOString()}::timestamptz)
                or (c.first_touch_at is not null and coalesce(tc.n, 0) < c.min_touches and c.touches_due_by <= ${now.toISOString()}::timestamptz))`
              : sql``
          }
        order by next_due asc nulls last, s.fit_grade asc nulls last, s.engagement_grade asc nulls last, s.total desc nulls last, h.at desc nulls last, l.id
        limit ${limit}`,
  );
  const reasons = await withStoredReasons(
    db,
    rows.flatMap((r) =>
      r.model_version !== null && r.as_of !== null
        ? [
            {
              leadId: r.id,
              modelVersion: Number(r.model_version),
              asOf: new Date(r.as_of),
              earned: r.earned,
            },
          ]
        : [],
    ),
  );
  const today = now.toISOString().slice(0, 10);
  const scheduleFor = (r: Row): Schedule =>
    scheduleOf({
      timeZone: r.clock_time_zone ?? "UTC",
      workingHours: r.clock_working_hours ?? { days: [], start: "09:00", end: "18:00" },
      // A day's margin either side of UTC: yesterday's holiday may still be today somewhere.
      holidays: (r.clock_holidays ?? []).filter((d) => d >= previousDay(today)),
    });
  return {
    now: now.toISOString(),
    rows: rows.map((r): InboxRow => {
      const nextDue = iso(r.next_due);
      const done = Number(r.touches_done);
      return {
        id: r.id,
        name: r.name,
        company: r.company,
        title: r.title,
        source: r.source,
        stage: r.stage,
        owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? "" } : null,
        score:
          r.total === null
            ? null
            : {
                total: Number(r.total),
                grade: `${r.fit_grade}${r.engagement_grade}`,
                modelVersion: Number(r.model_version),
              },
        reasons: reasons.get(r.id) ?? [],
        handedOverAt: iso(r.handed_over_at),
        touchesDone: done,
        breachedEarlier: r.breached_earlier === true,
        prediction: r.prediction === null ? null : Number(r.prediction),
        sla:
          r.clock_id === null
            ? null
            : {
                policy: r.policy_name ?? "",
                startedAt: iso(r.started_at)!,
                firstTouchDue: iso(r.first_touch_due)!,
                firstTouchAt: iso(r.first_touch_at),
                touchesDueBy: iso(r.touches_due_by)!,
                nextDue,
                touchesDone: done,
                touchesRequired: Number(r.min_touches),
                breached: {
                  firstTouch: r.breached_first_touch_at !== null,
                  touches: r.breached_touches_at !== null,
                },
                overdue: nextDue !== null && new Date(nextDue) <= now,
                schedule: scheduleFor(r),
              },
      };
    }),
  };
}
