/**
 * The Olist funnel as Accord's reports see it: handoffs (transitions to `mql`) of the imported
 * leads and whether each was won, read through `mqlOutcomesSql` like every report. Figures to
 * compare with the data set's README.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { mqlOutcomesSql, outcomesRecordedSince } from "@/lib/domain/outcomes/mql-outcomes";

export type FunnelRow = { key: string; mqls: number; won: number; rate: number };

const olistHandoffs = (now: Date): SQL =>
  sql`(select h.* from (${mqlOutcomesSql({}, now)}) h join leads l on l.id = h.lead_id where l.external_id like ${"olist:%"}) olist`;

const counts = sql`count(*)::int as mqls, count(won_at)::int as won, round(100.0 * count(won_at) / count(*), 1)::float8 as rate`;

export async function olistFunnel(db: Queryable, now = new Date()) {
  const trackingSince = await outcomesRecordedSince(db, "won");
  const fromTracking = trackingSince
    ? sql`mql_at >= date_trunc('month', ${trackingSince.toISOString()}::timestamptz at time zone 'UTC') at time zone 'UTC'`
    : sql`true`;
  const [overall] = await queryRows<FunnelRow & { customers: number; medianDays: number | null }>(
    db,
    sql`select 'all' as key, ${counts},
               percentile_cont(0.5) within group (order by extract(epoch from won_at - mql_at) / 86400) filter (where won_at is not null)::float8 as "medianDays",
               (select count(*)::int from leads where external_id like ${"olist:%"} and lifecycle_stage = 'customer') as customers
        from ${olistHandoffs(now)}`,
  );
  const cohorts = await queryRows<FunnelRow>(
    db,
    sql`select to_char(mql_at at time zone 'UTC', 'YYYY-MM') as key, ${counts} from ${olistHandoffs(now)} group by 1 order by 1`,
  );
  const byOrigin = await queryRows<FunnelRow>(
    db,
    sql`select source as key, ${counts} from ${olistHandoffs(now)} group by 1 order by rate desc, key`,
  );
  const byOriginTracked = await queryRows<FunnelRow>(
    db,
    sql`select source as key, ${counts} from ${olistHandoffs(now)} where ${fromTracking} group by 1 order by rate desc, key`,
  );
  return { trackingSince, overall, cohorts, byOrigin, byOriginTracked };
}
