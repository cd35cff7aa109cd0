/**
 * The MQL funnel by cohort (week or month of the handoff): how many handoffs reached each stage,
 * per cohort with no gaps, per value of one split, and in total — one SQL statement over the
 * handoff outcomes, grouped three ways.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { mqlOutcomesSql } from "@/lib/domain/outcomes/mql-outcomes";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { getActiveModel, outcomesSince } from "./context";
import { bandIndexSql, fitGradeSql } from "./model-sql";
import { dayLabelSql, periodSql, seriesSql } from "./periods";
import { getReportSettings } from "./settings";
import type { FunnelReport, Grain, ReportQuery, Split, StageCounts } from "./types";

type Row = { part: "c" | "g" | "t"; key: string | null; label: string | null } & StageCounts;

const counts = (h: string) => {
  const c = (col: string) => sql.raw(`count(${h}.${col})::int`);
  return sql`count(${sql.raw(`${h}.transition_id`)})::int as mqls, ${c("accepted_at")} as accepted, ${c("qualified_at")} as qualified, ${c("opportunity_at")} as opportunity, ${c("won_at")} as won`;
};

/** The split's key and label columns over the handoff columns (h.*), with the joins they need. */
function splitSql(split: Split, model: ScoringModel | null): { key: SQL; label: SQL; join: SQL } {
  const none = { join: sql`` };
  switch (split) {
    case "source":
      return {
        ...none,
        key: sql`coalesce(h.source, '')`,
        label: sql`coalesce(h.source, '(none)')`,
      };
    case "band": {
      if (!model) return { ...none, key: sql`''`, label: sql`'(no model)'` };
      const name = sql`(${arrayParam(
        model.bands.map((b) => b.name),
        "text",
      )})[${bandIndexSql(model, sql`h.score_total`)} + 1]`;
      return { ...none, key: sql`coalesce(${name}, '')`, label: sql`coalesce(${name}, '(none)')` };
    }
    case "grade": {
      if (!model) return { ...none, key: sql`''`, label: sql`'(no model)'` };
      const g = fitGradeSql(model, sql`h.score_fit`);
      return { ...none, key: sql`coalesce(${g}, '')`, label: sql`coalesce(${g}, '(none)')` };
    }
    case "rep":
      return {
        key: sql`coalesce(h.rep_id::text, '')`,
        label: sql`coalesce(u.name, '(unassigned)')`,
        join: sql`left join users u on u.id = h.rep_id`,
      };
    case "team":
      return {
        key: sql`coalesce(h.team_id::text, '')`,
        label: sql`coalesce(tm.name, '(no team)')`,
        join: sql`left join teams tm on tm.id = h.team_id`,
      };
    default:
      return { ...none, key: sql`''`, label: sql`''` };
  }
}

export async function funnelReport(
  db: Queryable,
  query: ReportQuery,
  options: { grain: Grain; split: Split },
  now = new Date(),
): Promise<FunnelReport> {
  const [settings, active] = await Promise.all([getReportSettings(db), getActiveModel(db)]);
  const { grain, split } = options;
  const s = splitSql(split, active?.model ?? null);
  const series = seriesSql(
    grain,
    sql`(select min(cohort) from h)`,
    sql`(select max(cohort) from h)`,
    query.from,
    query.to,
  );
  const groups =
    split === "none"
      ? sql``
      : sql`union all select 'g', ${s.key}, ${s.label}, ${counts("h")} from h ${s.join} group by 2, 3`;
  const [rows, since] = await Promise.all([
    queryRows<Row>(
      db,
      sql`
      with h as materialized (
        select o.*, ${periodSql(grain, sql`o.mql_at`)} as cohort from (${mqlOutcomesSql(query, now, { owner: split === "rep" || split === "team" })}) o
      )
      , c as (select cohort, ${counts("h")} from h group by cohort)
      select 'c' as part, ${dayLabelSql(sql`s.p`)} as key, null as label, coalesce(c.mqls, 0) as mqls, coalesce(c.accepted, 0) as accepted,
             coalesce(c.qualified, 0) as qualified, coalesce(c.opportunity, 0) as opportunity, coalesce(c.won, 0) as won
      from (${series}) s left join c on c.cohort = s.p
      union all select 't', null, null, ${counts("h")} from h
      ${groups}`,
    ),
    outcomesSince(db, settings.targetStage),
  ]);
  const stage = ({ mqls, accepted, qualified, opportunity, won }: StageCounts): StageCounts => ({
    mqls,
    accepted,
    qualified,
    opportunity,
    won,
  });
  const byCount = (a: Row, b: Row) => b.mqls - a.mqls || String(a.key).localeCompare(String(b.key));
  return {
    grain,
    split,
    cohorts: rows
      .filter((r) => r.part === "c")
      .sort((a, b) => String(a.key).localeCompare(String(b.key)))
      .map((r) => ({ cohort: String(r.key), ...stage(r) })),
    groups: rows
      .filter((r) => r.part === "g")
      .sort(byCount)
      .map((r) => ({ key: String(r.key), label: String(r.label), ...stage(r) })),
    totals: stage(
      rows.find((r) => r.part === "t") ?? {
        mqls: 0,
        accepted: 0,
        qualified: 0,
        opportunity: 0,
        won: 0,
      },
    ),
    target: { rate: settings.targetRate, stage: settings.targetStage },
    outcomesSince: since,
  };
}
