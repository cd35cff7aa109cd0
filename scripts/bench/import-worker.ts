/**
 * One CSV import in a process of its own, as a job worker runs it, so its peak memory is its own:
 * `tsx scripts/bench/import-worker.ts <postgres-url | pglite:dir> <import id>` runs an import the
 * bench prepared (the file stored and mapped, as the web server does on upload: import.ts) and
 * prints one JSON line: rows, seconds, counts, and the peak RSS (MB).
 */
import { getImportView } from "../../lib/domain/imports/imports";
import { runImport } from "../../lib/domain/imports/run-import";
import { openTarget } from "./open-target";

const mb = (bytes: number) => Math.round(bytes / 1e6);

async function main() {
  const [target, id] = process.argv.slice(2);
  // Two lead streams, their scoring, the reader and the progress saves (the app's pool is 10).
  const handle = await openTarget(target, 5);
  const db = handle.db;
  const t = performance.now();
  let last = 0;
  let lastPhase: string | undefined;
  await runImport(db, id, {
    async progress(done, _total, phase) {
      if (phase !== lastPhase) {
        console.error(`    ${phase} from ${((performance.now() - t) / 1000).toFixed(1)} s`);
        lastPhase = phase;
      }
      if (performance.now() - last > 3_000) {
        last = performance.now();
        const s = (performance.now() - t) / 1000;
        const m = process.memoryUsage();
        console.error(
          `    ${done.toLocaleString("en")} rows in ${s.toFixed(0)} s (${Math.round(done / s)} rows/s, rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB)`,
        );
      }
    },
  });
  const importSeconds = (performance.now() - t) / 1000;
  const view = (await getImportView(db, id))!;
  await handle.close();
  console.log(
    JSON.stringify({
      rows: view.progress.done,
      importSeconds,
      counts: view.counts,
      errorCount: view.errorCount,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
