/**
 * One CSV import in a process of its own, as a job worker runs it, so its peak memory is its own:
 * `tsx scripts/bench/import-worker.ts <postgres-url | pglite:dir> <file.csv> <kind>` stores the
 * file as an upload (streamed), runs the import with the suggested mapping and prints one JSON line:
 * rows, seconds for the upload and for the import, counts, and the peak RSS (MB).
 */
import { createReadStream } from "node:fs";
import { openDb } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { createImportRecord, getImportView, prepareImport } from "../../lib/domain/imports/imports";
import { runImport } from "../../lib/domain/imports/run-import";
import { storeUpload } from "../../lib/domain/imports/upload";
import type { ImportKind } from "../../lib/shared/imports";

async function main() {
  const [target, file, kind = "leads"] = process.argv.slice(2);
  const handle = target.startsWith("pglite:")
    ? await openDb({ kind: "pglite", dataDir: target.slice("pglite:".length), holder: "bench" })
    : await openDb({ kind: "postgres", url: target, max: 3 });
  await migrateDb(handle);
  const db = handle.db;
  let t = performance.now();
  const upload = await storeUpload(db, createReadStream(file), {
    fileName: "bench.csv",
    createdBy: "bench",
  });
  const uploadSeconds = (performance.now() - t) / 1000;
  const mapping = await prepareImport(db, { uploadId: upload.id, kind: kind as ImportKind });
  const id = await createImportRecord(db, {
    uploadId: upload.id,
    kind: kind as ImportKind,
    mapping,
    dryRun: false,
    requestedBy: "bench",
  });
  t = performance.now();
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
        console.error(
          `    ${done.toLocaleString("en")} rows in ${s.toFixed(0)} s (${Math.round(done / s)} rows/s, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, external ${Math.round(process.memoryUsage().external / 1e6)} MB)`,
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
      bytes: upload.bytes,
      uploadSeconds,
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
