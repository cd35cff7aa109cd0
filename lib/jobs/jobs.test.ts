/**
 * The job layer's promises, on the embedded runner and (with DATABASE_URL) on pg-boss: a job's
 * row tells where it stands; a failing job is retried with its error kept, then fails; a
 * singleton never runs twice at once — on PostgreSQL even with two workers on one database; a
 * cancelled job stops at its next progress report; a job cut off by a stop runs again.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jobs } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { defineJob, type AnyJobDefinition } from "./definition";
import type { JobDriver } from "./drivers/driver";
import { InProcessDriver } from "./drivers/in-process";
import { PgBossDriver } from "./drivers/pg-boss";
import { cancelJob, enqueue, getJob } from "./queue";

let t: TestDb;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const calls: Record<string, number> = {};
let concurrent = 0;
let maxConcurrent = 0;

const counted = defineJob({
  name: "test-counted",
  payload: z.object({ n: z.number() }),
  readers: { permission: "settings:read" },
  async run({ payload, progress }) {
    for (let i = 1; i <= payload.n; i++) await progress(i, payload.n, "counting");
    return { counted: payload.n };
  },
});

const flaky = defineJob({
  name: "test-flaky",
  payload: z.object({ key: z.string(), failures: z.number() }),
  readers: { permission: "settings:read" },
  retry: { attempts: 3, delaySeconds: 1 },
  async run({ payload, attempt }) {
    calls[payload.key] = (calls[payload.key] ?? 0) + 1;
    if (attempt <= payload.failures) throw new Error(`failure ${attempt} of ${payload.failures}`);
    return { attempt };
  },
});

const exclusive = defineJob({
  name: "test-exclusive",
  payload: z.object({}),
  readers: { permission: "settings:read" },
  singleton: true,
  async run() {
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    await sleep(150);
    concurrent--;
  },
});

const long = defineJob({
  name: "test-long",
  payload: z.object({}),
  readers: { permission: "settings:read" },
  async run({ progress, signal }) {
    for (let i = 0; i < 200 && !signal.aborted; i++) {
      await progress(i, 200, "working");
      await sleep(20);
    }
  },
});

const DEFINITIONS: AnyJobDefinition[] = [counted, flaky, exclusive, long];

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error("timed out");
}

const stateOf = async (id: string) => (await getJob(t.db, id))?.state;

function drivers(): { kind: string; make: () => JobDriver }[] {
  const list: { kind: string; make: () => JobDriver }[] = [
    {
      kind: "in-process",
      make: () => new InProcessDriver(t.db, DEFINITIONS, async () => null, { pollMs: 50 }),
    },
  ];
  if (process.env.DATABASE_URL)
    list.push({
      kind: "pg-boss",
      make: () => new PgBossDriver(t.db, t.url!, DEFINITIONS, { pollingSeconds: 0.5 }),
    });
  return list;
}

describe.each(drivers())("jobs on the $kind driver", ({ make }) => {
  let driver: JobDriver;
  beforeAll(async () => {
    driver = make();
    await driver.start({ work: true, schedule: false });
  });
  afterAll(() => driver?.stop());

  it("records progress and the result of a job that succeeds", async () => {
    const id = await enqueue(t.db, counted, { n: 5 }, { driver, requestedBy: "test" });
    expect(await stateOf(id)).toMatch(/queued|running|done/);
    await until(async () => (await stateOf(id)) === "done");
    const job = await getJob(t.db, id);
    expect(job).toMatchObject({
      progressDone: 5,
      progressTotal: 5,
      phase: "counting",
      result: { counted: 5 },
      attempts: 1,
      error: null,
    });
  });

  it("retries a failing job with its error kept, and fails it once the attempts are spent", async () => {
    const recovers = await enqueue(
      t.db,
      flaky,
      { key: `r-${driver.kind}`, failures: 2 },
      { driver },
    );
    const fails = await enqueue(t.db, flaky, { key: `f-${driver.kind}`, failures: 9 }, { driver });
    await until(
      async () => (await stateOf(recovers)) === "done" && (await stateOf(fails)) === "failed",
      30_000,
    );
    expect(await getJob(t.db, recovers)).toMatchObject({ attempts: 3, result: { attempt: 3 } });
    expect(await getJob(t.db, fails)).toMatchObject({ attempts: 3, error: "failure 3 of 9" });
    expect(calls[`f-${driver.kind}`]).toBe(3);
  }, 40_000);

  it("never runs two singletons at once", async () => {
    concurrent = 0;
    maxConcurrent = 0;
    const ids = await Promise.all([1, 2, 3, 4].map(() => enqueue(t.db, exclusive, {}, { driver })));
    await until(
      async () => (await Promise.all(ids.map(stateOf))).every((s) => s === "done"),
      30_000,
    );
    expect(maxConcurrent).toBe(1);
  }, 40_000);

  it("queues a job with the transaction that asks for it: rolled back, it never runs", async () => {
    let id = "";
    await expect(
      t.db.transaction(async (tx) => {
        id = await enqueue(tx, counted, { n: 1 }, { driver });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const kept = await t.db.transaction((tx) => enqueue(tx, counted, { n: 1 }, { driver }));
    await until(async () => (await stateOf(kept)) === "done");
    expect(await getJob(t.db, id)).toBeNull();
  });

  it("stops a cancelled job at its next progress report", async () => {
    const id = await enqueue(t.db, long, {}, { driver });
    await until(async () => ((await getJob(t.db, id))?.progressDone ?? 0) > 2);
    await cancelJob(t.db, id);
    await sleep(300);
    const job = await getJob(t.db, id);
    expect(job?.state).toBe("cancelled");
    expect(job!.progressDone!).toBeLessThan(200);
  });
});

describe("the embedded runner", () => {
  it("runs again a job that was running when the process stopped", async () => {
    const [row] = await t.db
      .insert(jobs)
      .values({
        name: counted.name,
        payload: { n: 2 },
        state: "running",
        attempts: 1,
        maxAttempts: 1,
      })
      .returning();
    const driver = new InProcessDriver(t.db, DEFINITIONS, async () => null, { pollMs: 50 });
    await driver.start({ work: true, schedule: false });
    try {
      await until(async () => (await stateOf(row.id)) === "done");
    } finally {
      await driver.stop();
    }
    const [after] = await t.db.select().from(jobs).where(eq(jobs.id, row.id));
    expect(after.result).toEqual({ counted: 2 });
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))("two pg-boss workers on one PostgreSQL", () => {
  it("never run a singleton twice", async () => {
    concurrent = 0;
    maxConcurrent = 0;
    const a = new PgBossDriver(t.db, t.url!, DEFINITIONS, { pollingSeconds: 0.5, concurrency: 2 });
    const b = new PgBossDriver(t.db, t.url!, DEFINITIONS, { pollingSeconds: 0.5, concurrency: 2 });
    await a.start({ work: true, schedule: false });
    await b.start({ work: true, schedule: false });
    try {
      const ids = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((i) => enqueue(t.db, exclusive, {}, { driver: i % 2 ? a : b })),
      );
      await until(
        async () => (await Promise.all(ids.map(stateOf))).every((s) => s === "done"),
        40_000,
      );
      expect(maxConcurrent).toBe(1);
      const workers = await t.db
        .select({ worker: jobs.worker })
        .from(jobs)
        .where(eq(jobs.name, exclusive.name));
      expect(workers.length).toBeGreaterThanOrEqual(6);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 60_000);
});
