/**
 * Test data for the predictive score and the threshold assistant: handoffs with known conversion
 * rates per source, each decided (an opportunity, or recycled) within days of the handoff.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/client";
import { modelVersions } from "@/db/schema";
import { scoringModelSchema, type ScoringModelInput } from "@/lib/domain/scoring/model";

export type SeedGroup = {
  source: string;
  count: number;
  rate: number;
  score?: (i: number, converted: boolean) => number;
};

/**
 * One lead per handoff, handed over between `daysAgo[0]` and `daysAgo[1]` days before `now`, spread
 * evenly; exactly round(rate × count) convert, spread through the group. Returns the lead ids.
 */
export async function seedHandoffs(
  db: Db,
  now: Date,
  groups: SeedGroup[],
  daysAgo: [number, number] = [160, 20],
): Promise<{ leadIds: string[] }> {
  const rows: {
    email: string;
    source: string;
    mql_at: string;
    converted: boolean;
    score: number;
  }[] = [];
  const total = groups.reduce((s, g) => s + g.count, 0);
  let n = 0;
  const batch = Math.random().toString(36).slice(2, 8);
  for (const g of groups) {
    let converted = 0;
    for (let i = 0; i < g.count; i++) {
      // Bresenham-style: convert whenever the running share falls behind the rate.
      const yes = converted < Math.round(g.rate * (i + 1));
      if (yes) converted++;
      // Interleave groups in time so every period holds every source.
      const slot = (i * groups.length + groups.indexOf(g)) % total;
      const days = daysAgo[0] - ((daysAgo[0] - daysAgo[1]) * slot) / total;
      rows.push({
        email: `seed-${batch}-${n++}-${g.source}@predict.test`,
        source: g.source,
        mql_at: new Date(now.getTime() - days * 86_400_000).toISOString(),
        converted: yes,
        score: g.score ? g.score(i, yes) : 60,
      });
    }
  }
  const recordset = sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(email text, source text, mql_at timestamptz, converted boolean, score double precision)`;
  const leads = await queryRows<{ id: string; email: string }>(
    db,
    sql`insert into leads (email, source, lifecycle_stage) select x.email, x.source, case when x.converted then 'opportunity' else 'recycled' end::lifecycle_stage from ${recordset} returning id, email`,
  );
  await db.execute(sql`
    insert into lead_transitions (lead_id, at, to_stage, actor_type, reason, score_total)
    select l.id, x.mql_at, 'mql'::lifecycle_stage, 'system', 'test', x.score from ${recordset} join leads l on l.email = x.email
    union all
    select l.id, x.mql_at + interval '3 days', case when x.converted then 'opportunity' else 'recycled' end::lifecycle_stage, 'system', 'test', null
    from ${recordset} join leads l on l.email = x.email`);
  return { leadIds: leads.map((l) => l.id) };
}

export async function publishTestModel(
  db: Db,
  version: number,
  model: Partial<ScoringModelInput> = {},
) {
  const document = scoringModelSchema.parse({
    name: "Test model",
    mqlThreshold: 50,
    bands: [{ name: "cold", min: 0 }],
    rules: [],
    ...model,
  });
  await db.insert(modelVersions).values({ version, document, authorLabel: "test" });
  return document;
}
