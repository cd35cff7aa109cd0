/**
 * PostgreSQL only: with three processes that all fire schedules (two web servers with their
 * worker on, one `npm run worker`), a job scheduled every minute runs once per minute, not three
 * times. Waits for the next minute boundary, so it takes up to about 80 s.
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
    const started = Date.now();
    const nextMinute = Math.ceil(started / 60_000) * 60_000;
    await new Promise((r) => setTimeout(r, nextMinute - started + 20_000));
    const runs = await queryRows<{ minute: string; n: number }>(
      t.db,
      sql`select date_trunc('minute', created_at) as minute, count(*)::int as n
          from jobs where name = ${everyMinute.name} group by 1 order by 1`,
    );
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) expect(run.n).toBe(1);
  }, 120_000);
});
