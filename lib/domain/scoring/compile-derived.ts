/**
 * The compiler's derived form (derive.ts): a new version's scores computed from the live rows'
 * stored earnings — one row per lead read, no event — in the same shape as compileScores with
 * earnings, so a publish, its catch-up and the preview use it in place of a replay.
 */
import { sql, type SQL } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import { attributeTerm, f8, withEarnings, type Term } from "./compile";
import type { Derivation } from "./derive";
import { isActive, type ScoringModel } from "./model";

/**
 * The new version's scores derived from the live rows' stored earnings (derive.ts), for the leads
 * whose live row holds them (scored under `liveVersion`, one earning per live rule) — with the
 * live row's own time (`as_of`), recorded total and xmin beside each, as withLiveRow gives a
 * replayed score, and its total (`live_total`: what a preview compares with). Leads without such a
 * row are left out: the caller replays their events.
 */
export function compileDerivedScores(
  model: ScoringModel,
  derivation: Derivation,
  options: { liveVersion: number; leadIds?: string[] | null },
): SQL {
  const active = model.rules.filter(isActive);
  const terms: Term[] = active.map((rule, k) => {
    if (rule.kind === "attribute") return { rule, sql: attributeTerm(rule) };
    const source = derivation.sources[k];
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
  const leadFilter = options.leadIds
    ? sql` and leads.id = any(${arrayParam(options.leadIds, "uuid")})`
    : sql``;
  return withEarnings(
    model,
    terms,
    sql`from leads join lead_scores s on s.lead_id = leads.id
        where leads.erased_at is null and s.model_version = ${options.liveVersion}::int
          and cardinality(s.earned) = ${derivation.liveRules}::int${leadFilter}`,
    [
      { name: "as_of", sql: sql`s.as_of` },
      { name: "recorded_total", sql: sql`s.recorded_total` },
      { name: "src_xmin", sql: sql`s.xmin` },
      { name: "live_total", sql: sql`s.total` },
    ],
  );
}
