import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/**
 * Keeps the jobs table small: the SLA sweep alone adds 1,440 rows a day. Finished jobs are kept
 * `keepDays` (failed ones twice as long, so a failure is still there to read after a holiday);
 * queued and running jobs are never touched.
 */
export async function pruneJobs(
  db: Db,
  { now = new Date(), keepDays = 14 }: { now?: Date; keepDays?: number } = {},
): Promise<{ jobs: number }> {
  const day = 86_400_000;
  const done = sql`${new Date(now.getTime() - keepDays * day).toISOString()}::timestamptz`;
  const failed = sql`${new Date(now.getTime() - 2 * keepDays * day).toISOString()}::timestamptz`;
  let total = 0;
  for (;;) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`delete from jobs where id in (
            select id from jobs
            where (state in ('done', 'cancelled') and finished_at < ${done})
               or (state = 'failed' and finished_at < ${failed})
            limit 5000)
          returning id`,
    );
    total += rows.length;
    if (rows.length < 5000) break;
  }
  return { jobs: total };
}
