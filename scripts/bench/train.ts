/**
 * Training the predictive score on 25,000 decided handoffs with 50 attributes (25 text traits of
 * 3–27 values, 20 number traits, 5 date traits, plus the source), as the predict-train job runs it:
 * `npm run bench -- --only train`. Target ≤ 30 s.
 */
import { sql } from "drizzle-orm";
import { openDb } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { trainPredictiveModel } from "../../lib/domain/predict/train";
import { timeResult, type Result } from "./report";

const HANDOFFS = 25_000;
const now = new Date("2026-06-01T00:00:00Z");
const h = (k: string) => `abs(hashtext(g::text || ':${k}'))`;

export async function trainBenchmark(url: string, log: (m: string) => void): Promise<Result[]> {
  const handle = await openDb({ kind: "postgres", url, max: 4 });
  try {
    await migrateDb(handle);
    const traits = [
      ...Array.from({ length: 25 }, (_, k) => `'t${k}', 'v' || (${h(`t${k}`)} % ${3 + k})`),
      ...Array.from({ length: 20 }, (_, k) => `'n${k}', ${h(`n${k}`)} % 1000`),
      ...Array.from(
        { length: 5 },
        (_, k) => `'d${k}', to_char(date '2026-01-01' - (${h(`d${k}`)} % 400), 'YYYY-MM-DD')`,
      ),
    ];
    // Converts more with t0 = v0, a high n0 and a recent d0: a model has something to find.
    const odds = `-1.5 + case when ${h("t0")} % 3 = 0 then 1 else 0 end + (${h("n0")} % 1000) / 500.0 - (${h("d0")} % 400) / 400.0`;
    await handle.db.execute(
      sql.raw(`insert into leads (email, source, traits, lifecycle_stage)
        select 'bench-' || g || '@train.test', (array['ads','webinar','seo','partner'])[1 + ${h("src")} % 4],
          ${traits.length ? `jsonb_build_object(${traits.join(", ")})` : "'{}'::jsonb"},
          case when random() < 1 / (1 + exp(-(${odds}))) then 'opportunity' else 'recycled' end::lifecycle_stage
        from generate_series(1, ${HANDOFFS}) g`),
    );
    await handle.db.execute(
      sql.raw(`insert into lead_transitions (lead_id, at, to_stage, actor_type, reason)
        select id, timestamptz '${now.toISOString()}' - interval '60 days' + (row_number() over (order by id) % 30) * interval '1 day', 'mql', 'system', 'bench' from leads
        union all
        select id, timestamptz '${now.toISOString()}' - interval '20 days', lifecycle_stage, 'system', 'bench' from leads`),
    );
    const started = performance.now();
    const cpu = process.cpuUsage();
    const summary = await trainPredictiveModel(handle.db, { now });
    const ms = performance.now() - started;
    // This process's CPU time (the database's is not in it): what a busy machine does not inflate.
    const used = process.cpuUsage(cpu);
    const cpuMs = Math.round((used.user + used.system) / 1000);
    log(
      `train: ${summary.decided} handoffs, ${summary.attributes?.length} attributes, ${summary.coefficients.length} columns, AUC ${summary.auc?.toFixed(3)}, λ ${summary.lambda}: ${Math.round(ms)} ms (${cpuMs} ms CPU in this process)`,
    );
    return [timeResult("train_25k_50_attributes", ms, null, { maxMs: 30_000 })];
  } finally {
    await handle.close();
  }
}
