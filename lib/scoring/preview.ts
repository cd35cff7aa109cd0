/**
 * What a draft would do to the real lead base, without writing anything: how many scores change,
 * who would newly reach the MQL threshold and who would fall below it, the distribution before and
 * after, and the biggest movers. One read-only statement over the compiled draft.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { tuneForScoring } from "./locks";
import { compileScores } from "./compile";
import type { ScoringModel } from "./model";

export type Mover = {
  leadId: string;
  name: string;
  company: string | null;
  before: number | null;
  after: number;
};
export type Preview = {
  leads: number;
  changed: number;
  newlyMql: number;
  droppedBelow: number;
  mqlBefore: number;
  mqlAfter: number;
  threshold: { before: number | null; after: number };
  histogram: { from: number; to: number; before: number; after: number }[];
  movers: Mover[];
  ms: number;
};

const BINS = 20;

export async function previewModel(
  db: Db,
  args: { draft: ScoringModel; activeThreshold: number | null; asOf?: Date; movers?: number },
): Promise<Preview> {
  const started = performance.now();
  const asOf = args.asOf ?? new Date();
  const before = args.activeThreshold;
  const after = args.draft.mqlThreshold;
  const beforeMql = before === null ? sql`false` : sql`(s.total >= ${String(before)}::float8)`;
  const [row] = await db.transaction(async (tx) => {
    await tuneForScoring(tx);
    return queryRows<{
      leads: number;
      changed: number;
      newly_mql: number;
      dropped: number;
      mql_before: number;
      mql_after: number;
      lo: number | null;
      hi: number | null;
      histogram: { b: number; before: number; after: number }[] | null;
      movers: Mover[] | null;
    }>(
      tx,
      sql`
    with draft as (${compileScores(args.draft, { asOf })}),
    cmp as (
      select d.lead_id, s.total as before, d.total as after,
             ${beforeMql} as was_mql, (d.total >= ${String(after)}::float8) as is_mql
      from draft d left join lead_scores s on s.lead_id = d.lead_id
    ),
    bounds as (
      select least(min(after), coalesce(min(before), min(after))) as lo,
             greatest(max(after), coalesce(max(before), max(after))) as hi
      from cmp
    ),
    binned as (
      select width_bucket(v, b.lo, b.hi + 1e-9, ${BINS}) as b, which
      from cmp, bounds b, lateral (values (cmp.before, 'before'), (cmp.after, 'after')) x(v, which)
      where v is not null and b.lo is not null
    )
    select
      (select count(*)::int from cmp) as leads,
      (select count(*)::int from cmp where before is null or abs(after - before) >= 0.005) as changed,
      (select count(*)::int from cmp where is_mql and not coalesce(was_mql, false)) as newly_mql,
      (select count(*)::int from cmp where coalesce(was_mql, false) and not is_mql) as dropped,
      (select count(*)::int from cmp where was_mql) as mql_before,
      (select count(*)::int from cmp where is_mql) as mql_after,
      (select lo from bounds) as lo, (select hi from bounds) as hi,
      (select json_agg(json_build_object('b', b, 'before', nb, 'after', na) order by b) from (
         select b, count(*) filter (where which = 'before')::int as nb, count(*) filter (where which = 'after')::int as na
         from binned group by b) h) as histogram,
      (select json_agg(m) from (
         select c.lead_id as "leadId",
                coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.email, l.external_id) as name,
                l.company, c.before, c.after
         from cmp c join leads l on l.id = c.lead_id
         where c.before is null or abs(c.after - c.before) >= 0.005
         order by abs(c.after - coalesce(c.before, 0)) desc, c.lead_id
         limit ${args.movers ?? 10}) m) as movers`,
    );
  });
  const lo = row.lo ?? 0;
  const hi = row.hi ?? 0;
  const width = (hi + 1e-9 - lo) / BINS;
  const histogram = Array.from({ length: BINS }, (_, i) => {
    const bin = row.histogram?.find((h) => h.b === i + 1);
    return {
      from: lo + i * width,
      to: lo + (i + 1) * width,
      before: bin?.before ?? 0,
      after: bin?.after ?? 0,
    };
  });
  return {
    leads: row.leads,
    changed: row.changed,
    newlyMql: row.newly_mql,
    droppedBelow: row.dropped,
    mqlBefore: row.mql_before,
    mqlAfter: row.mql_after,
    threshold: { before, after },
    histogram,
    movers: row.movers ?? [],
    ms: Math.round(performance.now() - started),
  };
}
