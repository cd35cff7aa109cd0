/**
 * `npm run worker`: a process that runs background jobs and fires the schedules, without the web
 * server — on PostgreSQL, so a team runs N web servers (ACCORD_WORKER=off) and M workers on one
 * database. The embedded database is opened by one process only: there `npm start` does both.
 */
import { getDbHandle } from "../db/client";
import { migrateDb } from "../db/migrate";
import { ConfigError, dbEnv } from "../lib/infra/env";
import { startJobs, stopJobs } from "../lib/jobs/queue";

async function main() {
  let url: string | undefined;
  try {
    url = dbEnv().DATABASE_URL;
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  if (!url)
    return fail(
      "npm run worker needs DATABASE_URL: on the embedded database, npm start runs the jobs itself.",
    );
  const handle = await getDbHandle("the Accord worker").catch((error: Error) =>
    fail(`Cannot open the database: ${error.message}`),
  );
  await migrateDb(handle);
  const driver = await startJobs({ work: true, schedule: true });
  console.log(`[accord] worker ready (${driver.kind}); Ctrl-C to stop`);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      console.log("[accord] worker stopping: finishing running jobs…");
      await stopJobs();
      await handle.close();
      process.exit(0);
    });
  }
}

function fail(message: string): never {
  console.error(`[accord] ${message}`);
  process.exit(1);
}

void main();
