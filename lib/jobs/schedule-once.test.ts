/**
 * PostgreSQL only: with three processes that all fire schedules (two web servers with their
 * worker on, one `npm run worker`), a job scheduled every minute runs once per minute, not three
 * times. Waits for the first scheduled run and then for any duplicate: up to about 2 minutes.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { defineJob } from "./definition";
import { PgBossDriver } from "./drivers/pg-boss";

const everyMinute = defineJob({
  name: "test-every-minute",
  payload: z.object({}),
  readers: { permission: "settings:read" },
  schedule: "* * * * *",
  async run() {
    return { ranAt: new Date().toISOString() };
  },
});

let t: TestDb;
const drivers: PgBossDriver[] = [];

describe.runIf(Boolean(process.env.DATABASE_URL))("schedules on a cluster", () => {
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.stop()));
    await t?.close();
  });

  it("fire once per cluster, whatever the number of processes", async () => {
    for (let i = 0; i < 3; i++) {
      const driver = new PgBossDriver(t.db, t.url!, [everyMinute], { pollingSeconds: 0.5 });
      await driver.start({ work: true, schedule: true });
      drivers.push(driver);
    }
    // pg-boss checks its schedules about every 30 s, so the minute's run may come late: wait for
    // the first, then long enough for any duplicate to appear too.
    const count = () =>
      queryRows<{ minute: string; n: number }>(
        t.db,
        sql`select date_trunc('minute', created_at) as minute, count(*)::int as n
            from jobs where name = ${everyMinute.name} group by 1 order by 1`,
      );
    const deadline = Date.now() + 130_000;
    while (!(await count()).length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 1_000));
    await new Promise((r) => setTimeout(r, 35_000));
    const runs = await count();
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) expect(run.n).toBe(1);
  }, 200_000);
});
