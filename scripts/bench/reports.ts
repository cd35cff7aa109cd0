/**
 * The dashboards at 100,000 leads / 25,000 handoffs: the server-side time of each report function
 * (best of three), against 500 ms and against a floor of one plain count(*) over lead_transitions.
 */
import postgres from "postgres";
import type { Db } from "../../db/client";
import { openDb } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { calibrationReport } from "../../lib/domain/reports/calibration";
import { EMPTY_QUERY } from "../../lib/domain/reports/context";
import { funnelReport } from "../../lib/domain/reports/funnel";
import { reportSnapshot } from "../../lib/domain/reports/snapshot";
import { reasonsReport } from "../../lib/domain/reports/reasons";
import { ruleLiftReport } from "../../lib/domain/reports/rule-lift";
import { slaReport } from "../../lib/domain/reports/sla";
import { BENCH_AS_OF, generate } from "./data";
import { generateReportData } from "./reports-data";
import { timeResult, type Result } from "./report";

async function best(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

export async function reportBenchmarks(
  url: string,
  log: (m: string) => void,
  prefix = "reports_100k_",
): Promise<Result[]> {
  const handle = await openDb({ kind: "postgres", url, max: 4 });
  await migrateDb(handle);
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  log("generating 100,000 leads and the reports' history…");
  await generate(raw, 100_000, 0, log);
  await generateReportData(raw, log);
  const floorMs = await best(() => raw.unsafe(`select count(*) from lead_transitions`));
  log(`  floor (count(*) over lead_transitions): ${Math.round(floorMs)} ms`);
  const db: Db = handle.db;
  const now = BENCH_AS_OF;
  const last90 = { ...EMPTY_QUERY, from: new Date(now.getTime() - 90 * 86_400_000) };
  // As the routes run them: each report in its own read-only snapshot, JIT off.
  const cases: [string, () => Promise<unknown>][] = [
    [
      "funnel_week",
      () =>
        reportSnapshot(db, (tx) =>
          funnelReport(tx, EMPTY_QUERY, { grain: "week", split: "none" }, now),
        ),
    ],
    [
      "funnel_month_by_rep",
      () =>
        reportSnapshot(db, (tx) =>
          funnelReport(tx, EMPTY_QUERY, { grain: "month", split: "rep" }, now),
        ),
    ],
    [
      "funnel_week_by_band_90d",
      () =>
        reportSnapshot(db, (tx) => funnelReport(tx, last90, { grain: "week", split: "band" }, now)),
    ],
    [
      "calibration",
      () => reportSnapshot(db, (tx) => calibrationReport(tx, EMPTY_QUERY, "opportunity", now)),
    ],
    [
      "rule_lift",
      () => reportSnapshot(db, (tx) => ruleLiftReport(tx, EMPTY_QUERY, "opportunity", now)),
    ],
    ["sla", () => reportSnapshot(db, (tx) => slaReport(tx, EMPTY_QUERY, now))],
    [
      "reasons_week",
      () =>
        reportSnapshot(db, (tx) => reasonsReport(tx, EMPTY_QUERY, { grain: "week", locale: "en" })),
    ],
  ];
  const results: Result[] = [];
  for (const [id, fn] of cases) {
    const ms = await best(fn);
    log(`  ${id}: ${Math.round(ms)} ms (${(ms / 500).toFixed(2)}× the 500 ms target)`);
    results.push(timeResult(`${prefix}${id}`, ms, floorMs, { maxMs: 500 }));
  }
  await raw.end();
  await handle.close();
  return results;
}
