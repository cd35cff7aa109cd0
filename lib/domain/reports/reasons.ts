/**
 * Reject and disqualify reasons over time: decisions counted per period (week or month of the
 * decision) and reason, zero-filled, labelled in the requested language, with each reason's spike.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { dayLabelSql, periodSql, seriesSql } from "./periods";
import { findSpike } from "./spike";
import type { Grain, ReasonsReport, ReportQuery } from "./types";

type Row = {
  kind: "reject" | "disqualify";
  code: string;
  label: string;
  periods: string[];
  counts: number[];
  total: number;
};

function filters(query: ReportQuery): SQL {
  const where: SQL[] = [sql`d.kind in ('reject', 'disqualify')`];
  if (query.from) where.push(sql`d.at >= ${query.from.toISOString()}::timestamptz`);
  if (query.to) where.push(sql`d.at < ${query.to.toISOString()}::timestamptz`);
  if (query.repId) where.push(sql`d.user_id = ${query.repId}::uuid`);
  if (query.teamId)
    where.push(
      sql`exists (select 1 from users u where u.id = d.user_id and u.team_id = ${query.teamId}::uuid)`,
    );
  if (query.source)
    where.push(
      sql`exists (select 1 from leads l where l.id = d.lead_id and l.source = ${query.source}::text)`,
    );
  return sql.join(where, sql` and `);
}

export async function reasonsReport(
  db: Queryable,
  query: ReportQuery,
  options: { grain: Grain; locale: Locale },
): Promise<ReasonsReport> {
  const { grain, locale } = options;
  const label = locale === "fr" ? sql.raw("r.label_fr") : sql.raw("r.label_en");
  const series = seriesSql(
    grain,
    sql`(select min(p) from d)`,
    sql`(select max(p) from d)`,
    query.from,
    query.to,
  );
  // The first row (kind null) carries the period labels; the others are one per reason.
  const rows = await queryRows<Omit<Row, "kind"> & { kind: Row["kind"] | null }>(
    db,
    sql`
    with d as materialized (
      select d.kind::text as kind, coalesce(d.reason_code, '') as code, ${periodSql(grain, sql`d.at`)} as p
      from decisions d where ${filters(query)}
    ), s as (${series}),
    k as (select kind, code, count(*)::int as total from d group by 1, 2),
    c as (select kind, code, p, count(*)::int as n from d group by 1, 2, 3)
    select * from (
      select 0 as part, null as kind, null as code, null as label, 0 as total, array_agg(${dayLabelSql(sql`s.p`)} order by s.p) as periods,
             null::int[] as counts, 0 as position
      from s
      union all
      select 1, k.kind, k.code, coalesce(${label}, case when k.code = '' then '(no reason)' else k.code end), k.total,
             null, array_agg(coalesce(c.n, 0) order by s.p), coalesce(min(r.position), 2147483647)
      from k cross join s
      left join c on c.kind = k.kind and c.code = k.code and c.p = s.p
      left join reasons r on r.kind::text = k.kind and r.code = k.code
      group by k.kind, k.code, r.label_en, r.label_fr, k.total
    ) x
    order by part, kind desc, total desc, position, code`,
  );
  const labels = rows[0]?.periods ?? [];
  return {
    grain,
    periods: labels,
    reasons: rows.slice(1).map((r) => {
      const counts = (r.counts ?? []).map(Number);
      const spike = findSpike(counts);
      return {
        kind: r.kind as Row["kind"],
        code: r.code,
        label: r.label,
        counts,
        total: r.total,
        spike: spike
          ? { period: labels[spike.index], count: spike.count, expected: spike.expected }
          : null,
      };
    }),
  };
}
