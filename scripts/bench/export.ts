/**
 * The leads export at 1,000,000 leads on PostgreSQL: every lead with its traits (four keys), a
 * score, a prediction for most and a decision for some, read through the export route's streamed
 * Response body (keyset pages, CSV, UTF-8) and counted as it arrives — the way a download reads
 * it. Figures: rows/s (≥ 50,000), the process's peak RSS growth while streaming, and a floor:
 * the same rows read by `select count(*)` over the same joins.
 */
import os from "node:os";
import postgres from "postgres";
import { openDb } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { exportLeadsCsv } from "../../lib/domain/exports/export-leads";
import { csvAttachment } from "../../lib/http/csv-stream";
import { BENCH_AS_OF, generate } from "./data";
import type { Result } from "./report";

const MIN_ROWS_PER_SECOND = 50_000;

export async function exportBenchmark(
  url: string,
  log: (m: string) => void,
  leads = 1_000_000,
): Promise<Result[]> {
  const handle = await openDb({ kind: "postgres", url, max: 4 });
  await migrateDb(handle);
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  log(
    `generating ${leads.toLocaleString("en")} leads with traits, scores, predictions, decisions…`,
  );
  await generate(raw, leads, 0, log);
  let t = performance.now();
  await raw.unsafe(`set max_parallel_workers_per_gather = 0`);
  await raw.unsafe(`
    update leads set traits = jsonb_build_object(
      'plan', (array['free','pro','enterprise'])[1 + (hashtext(id::text) & 3) % 3],
      'seats', (hashtext(email) & 255),
      'trial', (hashtext(email) & 1) = 1,
      'Annual revenue', (hashtext(email) & 65535) * 10)`);
  await raw.unsafe(`
    insert into lead_scores (lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band, as_of, recorded_total)
    select id, 1, s, s * 0.6, s * 0.4,
           (array['A','B','C','D'])[1 + (hashtext(id::text) & 3)], 1 + (hashtext(email) & 3),
           case when s >= 60 then 'hot' when s >= 30 then 'warm' else 'cold' end,
           '${BENCH_AS_OF.toISOString()}', s
    from (select id, email, (hashtext(id::text) & 127)::float8 * 0.8 as s from leads) l`);
  await raw.unsafe(`
    insert into predictive_models (trained_at, target, status, decided, positives)
    values ('${BENCH_AS_OF.toISOString()}', 'opportunity', 'ready', 1000, 300)`);
  await raw.unsafe(`
    insert into lead_predictions (lead_id, model_id, probability, computed_at)
    select id, (select max(id) from predictive_models), ((hashtext(id::text) & 1023) / 1024.0),
           '${BENCH_AS_OF.toISOString()}'
    from leads where hashtext(email) & 7 <> 0`);
  await raw.unsafe(`
    insert into decisions (lead_id, kind, reason_code, at)
    select id, (array['accept','reject','qualify','disqualify'])[1 + (hashtext(id::text) & 3)]::decision_kind,
           case when hashtext(id::text) & 1 = 1 then 'no_budget' end,
           created_at + interval '2 days'
    from leads where hashtext(email) & 15 = 0`);
  await raw.unsafe(`vacuum analyze leads`);
  await raw.unsafe(`vacuum analyze lead_scores`);
  await raw.unsafe(`vacuum analyze lead_predictions`);
  await raw.unsafe(`vacuum analyze decisions`);
  log(`  traits, scores, predictions, decisions in ${Math.round(performance.now() - t)} ms`);

  t = performance.now();
  await raw.unsafe(`
    select count(*) from leads l
      left join lead_scores s on s.lead_id = l.id
      left join users o on o.id = l.owner_id
      left join lead_predictions p on p.lead_id = l.id`);
  const floorMs = performance.now() - t;

  const before = process.memoryUsage().rss;
  let peak = before;
  t = performance.now();
  const chunks = await exportLeadsCsv({
    db: handle.db,
    actor: { apiKeyId: "bench" },
    filter: {},
  });
  const response = csvAttachment("bench.csv", chunks);
  const reader = response.body!.getReader();
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - t;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - t;
  const rows = lines - 1;
  if (rows !== leads) throw new Error(`The export wrote ${rows} rows for ${leads} leads.`);
  const perSecond = rows / (ms / 1000);
  log(
    `  exported ${rows.toLocaleString("en")} leads (${(bytes / 1e6).toFixed(0)} MB) in ${Math.round(ms)} ms: ${Math.round(perSecond).toLocaleString("en")} rows/s, RSS +${Math.round((peak - before) / 1e6)} MB; first byte (the header, after the trait keys) at ${Math.round(firstByteMs)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  await raw.end();
  await handle.close();
  const k = `${Math.round(leads / 1000)}k`;
  return [
    {
      id: `export_leads_${k}_rows_per_s`,
      value: Math.round(perSecond),
      unit: "rows/s",
      floor: Math.round(rows / (floorMs / 1000)),
      ratio: Math.round((rows / (floorMs / 1000) / perSecond) * 100) / 100,
      target: `≥ ${MIN_ROWS_PER_SECOND} rows/s`,
      ok: perSecond >= MIN_ROWS_PER_SECOND,
    },
    {
      id: `export_leads_${k}_rss_growth`,
      value: Math.round((peak - before) / 1e6),
      unit: "MB",
      floor: null,
      ratio: null,
    },
  ];
}
