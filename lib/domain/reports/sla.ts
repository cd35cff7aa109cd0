/**
 * SLA compliance from the stored clocks: per rep, per team and overall, how many first touches
 * were in time, late or still open, the median and 90th percentile of the wall-clock time to the
 * first touch, its distribution in buckets, and breaches per week.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { dayLabelSql, periodSql, seriesSql } from "./periods";
import type { ReportQuery, SlaReport, SlaRow } from "./types";

/** Lower bounds of the time-to-first-touch buckets, in minutes; the last is open-ended. */
export const SLA_BUCKETS = [0, 5, 15, 60, 240, 1440] as const;
const bucketLabel = (min: number, max: number | null) =>
  max === null ? `${min}+` : `${min}-${max}`;

type Row = {
  part: "r" | "t" | "o" | "d" | "w";
  key: string | null;
  label: string | null;
  clocks: number;
  met: number;
  breached: number;
  open: number;
  median: number | null;
  p90: number | null;
};

function filters(query: Pick<ReportQuery, "from" | "to" | "teamId" | "repId">): SQL {
  const where: SQL[] = [sql`true`];
  if (query.from) where.push(sql`c.started_at >= ${query.from.toISOString()}::timestamptz`);
  if (query.to) where.push(sql`c.started_at < ${query.to.toISOString()}::timestamptz`);
  if (query.teamId) where.push(sql`c.team_id = ${query.teamId}::uuid`);
  if (query.repId) where.push(sql`c.user_id = ${query.repId}::uuid`);
  return sql.join(where, sql` and `);
}

const aggregates = sql`count(*)::int as clocks, count(*) filter (where met)::int as met, count(*) filter (where breached)::int as breached,
  count(*) filter (where open)::int as open,
  (percentile_cont(0.5) within group (order by minutes) filter (where minutes is not null))::float8 as median,
  (percentile_cont(0.9) within group (order by minutes) filter (where minutes is not null))::float8 as p90`;

export async function slaReport(
  db: Queryable,
  query: ReportQuery,
  now = new Date(),
): Promise<SlaReport> {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const bounds = sql`${`{${SLA_BUCKETS.slice(1).join(",")}}`}::float8[]`;
  const weeks = seriesSql(
    "week",
    sql`(select min(week) from b)`,
    sql`(select max(week) from b)`,
    null,
    null,
  );
  const rows = await queryRows<Row>(
    db,
    sql`
    with c as materialized (
      select c.user_id, c.team_id,
             extract(epoch from (c.first_touch_at - c.started_at)) / 60.0 as minutes,
             (c.first_touch_at is not null and c.first_touch_at <= c.first_touch_due and c.breached_first_touch_at is null) as met,
             (c.breached_first_touch_at is not null or c.first_touch_at > c.first_touch_due) as breached,
             (c.first_touch_at is null and c.breached_first_touch_at is null and c.first_touch_due > ${nowSql}) as open,
             c.breached_first_touch_at, c.breached_touches_at
      from sla_clocks c where ${filters(query)}
    ), b as (
      select ${periodSql("week", sql`breached_first_touch_at`)} as week, 1 as ft, 0 as t from c where breached_first_touch_at is not null
      union all
      select ${periodSql("week", sql`breached_touches_at`)}, 0, 1 from c where breached_touches_at is not null
    )
    select 'r' as part, coalesce(c.user_id::text, '') as key, coalesce(u.name, '(unassigned)') as label, ${aggregates}
    from c left join users u on u.id = c.user_id group by 2, 3
    union all
    select 't', coalesce(c.team_id::text, ''), coalesce(tm.name, '(no team)'), ${aggregates}
    from c left join teams tm on tm.id = c.team_id group by 2, 3
    union all
    select 'o', null, null, ${aggregates} from c
    union all
    select 'd', width_bucket(minutes, ${bounds})::text, null, count(*)::int, 0, 0, 0, null, null
    from c where minutes is not null group by 2
    union all
    select 'w', ${dayLabelSql(sql`s.p`)}, null, 0, coalesce(sum(b.ft), 0)::int, coalesce(sum(b.t), 0)::int, 0, null, null
    from (${weeks}) s left join b on b.week = s.p group by s.p`,
  );
  const slaRow = (r: Row | undefined, key = "", label = "All"): SlaRow => {
    const { clocks = 0, met = 0, breached = 0, open = 0 } = r ?? {};
    const num = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
    return {
      key: r?.key ?? key,
      label: r?.label ?? label,
      clocks,
      met,
      breached,
      open,
      compliance: met + breached > 0 ? met / (met + breached) : null,
      medianMinutes: num(r?.median),
      p90Minutes: num(r?.p90),
    };
  };
  const part = (p: Row["part"]) => rows.filter((r) => r.part === p);
  const byClocks = (a: SlaRow, b: SlaRow) => b.clocks - a.clocks || a.label.localeCompare(b.label);
  const buckets = new Map(part("d").map((r) => [Number(r.key), r.clocks]));
  return {
    reps: part("r")
      .map((r) => slaRow(r))
      .sort(byClocks),
    teams: part("t")
      .map((r) => slaRow(r))
      .sort(byClocks),
    distribution: SLA_BUCKETS.map((min, i) => {
      const max = SLA_BUCKETS[i + 1] ?? null;
      return {
        bucket: bucketLabel(min, max),
        minMinutes: min,
        maxMinutes: max,
        touches: buckets.get(i) ?? 0,
      };
    }),
    breachesByWeek: part("w")
      .sort((a, b) => String(a.key).localeCompare(String(b.key)))
      .map((r) => ({ week: String(r.key), firstTouch: r.met, touches: r.breached })),
    overall: slaRow(part("o")[0]),
  };
}
