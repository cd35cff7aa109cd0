/**
 * The rule editor's live preview on the demo data (3,000 leads, ~60,000 events): it must answer
 * within a second, on the embedded database and on PostgreSQL. The same data then serves the
 * inbox benchmark (inbox.ts).
 */
import { openDb, type DbHandle } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { seedDemoData } from "../../lib/demo/seed";
import { previewModel } from "../../lib/domain/scoring/preview";
import { template } from "../../lib/domain/scoring/templates";
import { getActiveModel } from "../../lib/domain/scoring/versions";
import { inboxBenchmark } from "./inbox";
import { timeResult, type Result } from "./report";

export async function demoPreview(
  handle: DbHandle,
  id: string,
  inboxId: string,
): Promise<Result[]> {
  await migrateDb(handle);
  await seedDemoData(handle.db, { now: new Date("2026-11-01T12:00:00Z") });
  const draft = template("seed-001-saas");
  draft.rules.find((r) => r.id === "pricing")!.points = 25;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await previewModel(handle.db, {
      draft,
      baseline: (await getActiveModel(handle.db))?.model ?? null,
      asOf: new Date("2026-11-01T12:00:00Z"),
      live: true,
    });
    best = Math.min(best, performance.now() - t);
  }
  const inbox = await inboxBenchmark(handle.db, inboxId, new Date("2026-11-01T12:00:00Z"));
  await handle.close();
  return [timeResult(id, best, null, { maxMs: 1_000 }), inbox];
}

export async function demoPreviewBenchmarks(postgresUrl: string): Promise<Result[]> {
  return [
    ...(await demoPreview(
      await openDb({ kind: "pglite", dataDir: null }),
      "preview_demo_3k_pglite",
      "inbox_500_mqls_pglite",
    )),
    ...(await demoPreview(
      await openDb({ kind: "postgres", url: postgresUrl }),
      "preview_demo_3k_postgres",
      "inbox_500_mqls_postgres",
    )),
  ];
}
