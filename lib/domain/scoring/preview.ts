/**
 * What a draft would do to the real lead base, without writing anything: how many scores change,
 * who would newly reach the MQL threshold and who would fall below it, the distribution before and
 * after, and the biggest movers. Both sides are scored now, in one statement (compile-comparison):
 * the baseline (the live model, or the saved draft for one rule's own effect) and the draft — so
 * time passing (decay, windows) is never counted as a change.
 *
 * Against the live version (`live`), a draft whose scores derive from the live rows' stored
 * earnings (derive.ts) is previewed the way it would be published: each lead's stored score beside
 * the draft's score derived from it, at the same time — so again time passing is no change, no
 * event is read, and the preview foretells exactly what publishing does.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { limitStatementTime } from "@/db/statement-timeout";
import { leadColumns, leadScope } from "@/lib/auth/lead-scope";
import type { Viewer } from "@/lib/auth/principal";
import { eligibleSql, lastRecycleJoin } from "@/lib/domain/lifecycle/eligibility-sql";
import { tuneForScoring } from "./locks";
import { compileScores } from "./compile";
import { compileDerivedScores } from "./compile-derived";
import { scoredFrom as howScored, type ScoredFrom } from "./derive";
import { compileComparison } from "./compile-comparison";
import type { ScoringModel } from "./model";
import { derivedFromLive, type Derived } from "./rescore";

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
  /** Leads that would become MQL (handed over to sales) on publish. */
  handoffs: number;
  /** How publishing would score the leads: derived from stored earnings, or replaying events. */
  scoredFrom: ScoredFrom;
  threshold: { before: number | null; after: number };
  histogram: { from: number; to: number; before: number; after: number }[];
  movers: Mover[];
  ms: number;
};

const BINS = 20;

export async function previewModel(
  db: Db,
  args: {
    draft: ScoringModel;
    /** What the draft is compared with, scored at the same time; null: nothing (no live model). */
    baseline: ScoringModel | null;
    asOf?: Date;
    movers?: number;
    /** How long its statements may run (db/statement-timeout.ts). */
    timeLimitMs?: number;
    /** Whose preview: the movers (named leads) are only those this person may see; counts cover every lead. */
    viewer?: Viewer;
    /** The baseline is the live version: derive the draft from its stored scores when it can. */
    live?: boolean;
  },
): Promise<Preview> {
  const started = performance.now();
  const asOf = args.asOf ?? new Date();
  const before = args.baseline?.mqlThreshold ?? null;
  const after = args.draft.mqlThreshold;
  const beforeMql =
    before === null ? sql`false` : sql`(d.before_total >= ${String(before)}::float8)`;
  let scoredFrom: Preview["scoredFrom"] = "events";
  const [row] = await db.transaction(async (tx) => {
    await tuneForScoring(tx);
    await limitStatementTime(tx, args.timeLimitMs);
    // Computed into a temporary table first: a CREATE TABLE AS may use parallel workers (measured).
    const derived = args.live && args.baseline ? await derivedFromLive(tx, args.draft) : null;
    if (derived) {
      await previewDerived(tx, args.baseline!, args.draft, derived, asOf);
      scoredFrom = howScored(derived.derivation);
    } else {
      const scored = args.baseline
        ? compileComparison(args.baseline, args.draft, { asOf })
        : sql`select c.*, null::float8 as before_total from (${compileScores(args.draft, { asOf })}) c`;
      await tx.execute(sql`create temporary table previewed on commit drop as ${scored}`);
    }
    return queryRows<{
      leads: number;
      changed: number;
      newly_mql: number;
      dropped: number;
      mql_before: number;
      mql_after: number;
      handoffs: number;
      lo: number | null;
      hi: number | null;
      histogram: { b: number; before: number; after: number }[] | null;
      movers: Mover[] | null;
    }>(
      tx,
      sql`
    with cmp as materialized (
      select d.lead_id, d.before_total as before, d.total as after,
             ${beforeMql} as was_mql, (d.total >= ${String(after)}::float8) as is_mql
      from previewed d
    ),
    stats as (
      select count(*)::int as leads,
             count(*) filter (where before is null or abs(after - before) >= 0.005)::int as changed,
             count(*) filter (where is_mql and not coalesce(was_mql, false))::int as newly_mql,
             count(*) filter (where coalesce(was_mql, false) and not is_mql)::int as dropped,
             count(*) filter (where was_mql)::int as mql_before,
             count(*) filter (where is_mql)::int as mql_after,
             least(min(after), coalesce(min(before), min(after))) as lo,
             greatest(max(after), coalesce(max(before), max(after))) as hi
      from cmp
    ),
    binned as (
      select width_bucket(cmp.before, st.lo, st.hi + 1e-9, ${BINS}) as bb, width_bucket(cmp.after, st.lo, st.hi + 1e-9, ${BINS}) as ba
      from cmp, stats st
    ),
    handoffs as (
      select count(*)::int as handoffs
      from leads join previewed s on s.lead_id = leads.id
      ${lastRecycleJoin}
      where ${eligibleSql(args.draft, asOf)}
    ),
    top as (
      select c.lead_id, c.before, c.after from cmp c
      ${args.viewer ? sql`join leads v on v.id = c.lead_id and ${leadScope(args.viewer, leadColumns("v"))}` : sql``}
      where c.before is null or abs(c.after - c.before) >= 0.005
      order by abs(c.after - coalesce(c.before, 0)) desc, c.lead_id
      limit ${args.movers ?? 10}
    )
    select st.*, (select handoffs from handoffs) as handoffs,
      (select json_agg(json_build_object('b', b, 'before', nb, 'after', na) order by b) from (
         select coalesce(x.b, y.b) as b, coalesce(x.n, 0) as nb, coalesce(y.n, 0) as na
         from (select bb as b, count(*)::int as n from binned where bb is not null group by bb) x
         full join (select ba as b, count(*)::int as n from binned group by ba) y on x.b = y.b) h) as histogram,
      (select json_agg(m order by abs(m.after - coalesce(m.before, 0)) desc, m."leadId") from (
         select t.lead_id as "leadId",
                coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.email, l.external_id) as name,
                l.company, t.before, t.after
         from top t join leads l on l.id = t.lead_id) m) as movers
    from stats st`,
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
    handoffs: row.handoffs,
    scoredFrom,
    threshold: { before, after },
    histogram,
    movers: row.movers ?? [],
    ms: Math.round(performance.now() - started),
  };
}

const PREVIEWED = sql`lead_id, before_total, fit, engagement, total, fit_grade, engagement_grade, band`;

/**
 * The previewed rows of a derived draft: each lead's stored total beside the draft's derived score;
 * the few leads without a usable live row are compared by replaying their events, as the publish
 * would score them.
 */
async function previewDerived(
  tx: Queryable,
  baseline: ScoringModel,
  draft: ScoringModel,
  derived: Derived,
  asOf: Date,
): Promise<void> {
  const rows = compileDerivedScores(draft, derived.derivation, {
    liveVersion: derived.liveVersion,
  });
  await tx.execute(sql`create temporary table previewed on commit drop as
    select lead_id, live_total as before_total, fit, engagement, total, fit_grade, engagement_grade, band
    from (${rows}) d`);
  const rest = await queryRows<{ id: string }>(
    tx,
    sql`select l.id from leads l
        where l.erased_at is null and not exists (select 1 from previewed p where p.lead_id = l.id)`,
  );
  if (rest.length)
    await tx.execute(sql`insert into previewed (${PREVIEWED})
      select ${PREVIEWED} from (${compileComparison(baseline, draft, {
        asOf,
        leadIds: rest.map((r) => r.id),
      })}) c`);
}
