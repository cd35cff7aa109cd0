/** SQL expressions that place a handoff's score in the active model's bands and fit grades (bound params). */
import { sql, type SQL } from "drizzle-orm";
import type { ScoringModel } from "@/lib/domain/scoring/model";

/** Index of the highest band whose minimum `total` reaches (0 below every band); null for a null total. */
export function bandIndexSql(model: Pick<ScoringModel, "bands">, total: SQL): SQL {
  const whens = model.bands
    .map((b, i) => ({ min: b.min, i }))
    .reverse()
    .map(({ min, i }) => sql`when ${total} >= ${min}::float8 then ${i}::int`);
  return sql`(case when ${total} is null then null ${sql.join(whens, sql` `)} else 0 end)`;
}

/** Fit grade letter ("A" … "D") of a fit score; null for a null score. */
export function fitGradeSql(model: Pick<ScoringModel, "grades">, fit: SQL): SQL {
  const g = model.grades.fit;
  return sql`(case when ${fit} is null then null when ${fit} >= ${g.A}::float8 then 'A' when ${fit} >= ${g.B}::float8 then 'B' when ${fit} >= ${g.C}::float8 then 'C' else 'D' end)`;
}
