/**
 * The compiler's derived form (derive.ts): a new version's scores computed from the live rows'
 * stored earnings — one row per lead read, and no event but those of the rules that count
 * something new — in the same shape as compileScores with earnings, so a publish, its catch-up and
 * the preview use it in place of a replay.
 */
import { sql, type SQL } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import { attributeTerm, eventsSql, f8, withEarnings, type Term } from "./compile";
import type { Derivation } from "./derive";
import { isActive, type EventRule, type ScoringModel } from "./model";

/**
 * The new version's scores derived from the live rows' stored earnings (derive.ts), for the leads
 * whose live row holds them (scored under `liveVersion`, one earning per live rule) — with the
 * live row's own time (`as_of`), recorded total and xmin beside each, as withLiveRow gives a
 * replayed score, and its total (`live_total`: what a preview compares with). Leads without such a
 * row are left out: the caller replays their events.
 *
 * The event rules that count what no live rule counted (`from: "events"`) read their events, and
 * only theirs, as of each live row's time — the time the other rules' stored earnings are as of.
 */
export function compileDerivedScores(
  model: ScoringModel,
  derivation: Derivation,
  options: { liveVersion: number; leadIds?: string[] | null },
): SQL {
  const active = model.rules.filter(isActive);
  const usable = sql`s.model_version = ${options.liveVersion}::int
    and cardinality(s.earned) = ${derivation.liveRules}::int`;
  const leadFilter = options.leadIds
    ? sql` and leads.id = any(${arrayParam(options.leadIds, "uuid")})`
    : sql``;
  const replayed = active.filter(
    (rule, k): rule is EventRule => derivation.sources[k].from === "events",
  );
  const events = replayed.length
    ? // Anchored: windows and decay are measured from each row's time, never from one as-of time.
      eventsSql(replayed, { asOf: new Date(0) }, sql`null::timestamptz`, {
        // A superset of the rows scored (the outer query keeps the usable ones): a plain filter
        // the planner estimates well, so a whole table's events are hashed, not looked up by lead.
        rows: sql`(select lead_id as row_id, lead_id, as_of as at from lead_scores
          where model_version = ${options.liveVersion}::int${
            options.leadIds
              ? sql` and lead_id = any(${arrayParam(options.leadIds, "uuid")})`
              : sql``
          })`,
        later: true,
      })
    : { joins: sql``, earned: [] };
  const terms: Term[] = active.map((rule, k) => {
    if (rule.kind === "attribute") return { rule, sql: attributeTerm(rule) };
    const source = derivation.sources[k];
    if (source.from === "events") return { rule, sql: events.earned[replayed.indexOf(rule)] };
    if (source.from !== "earned") throw new Error(`Rule ${rule.id} has no stored earnings.`);
    const stored = sql`s.earned[${sql.raw(String(source.index + 1))}]`;
    return {
      rule,
      sql:
        source.perEvent === null
          ? sql`(${stored} * ${f8(source.scale)})`
          : sql`(round(${stored} / ${f8(source.perEvent)}) * ${f8(source.points)})`,
    };
  });
  // The replayed rules' aggregates join on the anchored row (`h`): one per lead, its live row.
  return withEarnings(
    model,
    terms,
    sql`from leads join lead_scores s on s.lead_id = leads.id
        ${replayed.length ? sql`cross join lateral (select s.lead_id as row_id) h ${events.joins}` : sql``}
        where leads.erased_at is null and ${usable}${leadFilter}`,
    [
      { name: "as_of", sql: sql`s.as_of` },
      { name: "recorded_total", sql: sql`s.recorded_total` },
      { name: "src_xmin", sql: sql`s.xmin` },
      { name: "live_total", sql: sql`s.total` },
    ],
  );
}
