/**
 * Runs once when the web server starts (instrumentation.ts): validates the configuration,
 * opens the database (taking the embedded lock), applies migrations and, on a fresh demo
 * database, seeds the demo data. Bad configuration stops the server with one line.
 */
import { getDbHandle } from "@/db/client";
import { EmbeddedDbBusyError } from "@/db/embedded-lock";
import { migrateDb } from "@/db/migrate";
import { isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed";
import { ConfigError, serverEnv } from "@/lib/infra/env";
import { startJobsFor } from "./jobs";

function fail(message: string): never {
  console.error(`[accord] ${message}`);
  process.exit(1);
}

export async function startServer(): Promise<void> {
  let env;
  try {
    env = serverEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  let handle;
  try {
    handle = await getDbHandle("the Accord web server");
  } catch (error) {
    if (error instanceof EmbeddedDbBusyError) fail(error.message);
    fail(`Cannot open the database: ${(error as Error).message}`);
  }
  await migrateDb(handle);
  console.log(
    `[accord] database ready (${handle.kind === "pglite" ? `embedded, ${env.dataDir}` : "PostgreSQL"})`,
  );
  if (env.demoData && (await isDatabaseEmpty(handle.db))) {
    console.log("[accord] empty database: seeding demo data…");
    const summary = await seedDemoData(handle.db);
    console.log(
      `[accord] seeded ${summary.users} users, ${summary.leads} leads, ${summary.events} events in ${summary.ms} ms`,
    );
  }
  await startJobsFor(handle.kind, env.ACCORD_WORKER);
}
