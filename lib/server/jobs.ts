/**
 * Which background work this process does. On the embedded database the web server is the only
 * process, so it runs the jobs and fires the schedules itself. On PostgreSQL every web server can
 * queue jobs; those with ACCORD_WORKER on (the default) also run them and fire the schedules —
 * pg-boss makes each schedule fire once per cluster — and `npm run worker` runs them alone.
 */
import type { DbKind } from "@/db/client";
import { startJobs } from "@/lib/jobs/queue";

export async function startJobsFor(kind: DbKind, worker: boolean): Promise<void> {
  if (kind === "pglite" && !worker) {
    console.warn(
      "[accord] ACCORD_WORKER is off on the embedded database: no background job will run.",
    );
  }
  const driver = await startJobs({ work: worker, schedule: worker });
  console.log(
    `[accord] jobs: ${driver.kind}${worker ? ", running here" : ", queued for the workers"}`,
  );
}
