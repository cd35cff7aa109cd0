/**
 * Publish as a job, on the embedded runner and (with DATABASE_URL) on pg-boss: the job reports
 * leads rescored / total and makes the version live; a publish that keeps failing is retried, then
 * its version is marked failed with the error while the old one stays live, and the next publish
 * can start.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelVersions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { beginPublish, publishDraft, type PublishBy } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { getActiveModel, saveDraft } from "@/lib/domain/scoring/versions";
import { scoringPublishJob } from "./definitions/scoring-publish";
import type { JobDriver } from "./drivers/driver";
import { InProcessDriver } from "./drivers/in-process";
import { PgBossDriver } from "./drivers/pg-boss";
import { enqueue, waitForJob } from "./queue";

let t: TestDb;
const by: PublishBy = { actorType: "user", actorId: "test", label: "Test", userId: null };
const DEFINITIONS = [scoringPublishJob];

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

beforeAll(async () => {
  t = await createTestDb();
  await saveDraft(t.db, template("seed-003-telecom"), { userId: null, label: "Test" });
  await publishDraft(t.db, by, "first");
  await ingestEvents(
    t.db,
    Array.from({ length: 9 }, (_, i) => ({
      id: `e-${i}`,
      email: `lead${i}@job.test`,
      name: "Question Asked",
    })),
    { source: "api" },
  );
});
afterAll(() => t?.close());

describe.each(drivers())("publish as a job on the $kind driver", ({ make }) => {
  let driver: JobDriver;
  beforeAll(async () => {
    driver = make();
    await driver.start({ work: true, schedule: false });
  });
  afterAll(() => driver?.stop());

  const publish = (note: string) =>
    beginPublish(t.db, by, note, (tx, version) =>
      enqueue(tx, scoringPublishJob, { version, by }, { driver, requestedBy: "Test" }),
    );

  it("reports leads rescored out of the total and makes the version live", async () => {
    const model = template("seed-003-telecom");
    model.rules.find((r) => r.id === "question")!.points = 55;
    await saveDraft(t.db, model, { userId: null, label: "Test" });
    const { version, jobId } = await publish("as a job");
    const [row] = await t.db.select().from(modelVersions).where(eq(modelVersions.version, version));
    expect(row).toMatchObject({ state: "publishing", jobId });
    const job = await waitForJob(t.db, jobId!, 30_000);
    expect(job).toMatchObject({
      state: "done",
      progressDone: 9,
      progressTotal: 9,
      result: { version, leadsRescored: 9 },
    });
    expect((await getActiveModel(t.db))!.version).toBe(version);
  }, 40_000);

  it("marks the version failed with its error once the retries are spent, the old one still live", async () => {
    const live = (await getActiveModel(t.db))!.version;
    // Something holds the shadow table's name: every build fails on it.
    await t.db.execute(sql`create table lead_scores_next (x int)`);
    await t.db.execute(sql`create view publish_blocker as select * from lead_scores_next`);
    try {
      const { version, jobId } = await publish("doomed");
      const job = await waitForJob(t.db, jobId!, 40_000);
      expect(job).toMatchObject({ state: "failed", attempts: 3 });
      const [row] = await t.db
        .select()
        .from(modelVersions)
        .where(eq(modelVersions.version, version));
      expect(row.state).toBe("failed");
      expect(row.error).toMatch(/depend/);
      expect((await getActiveModel(t.db))!.version).toBe(live);
    } finally {
      await t.db.execute(sql`drop view publish_blocker`);
      await t.db.execute(sql`drop table lead_scores_next`);
    }
    // The failed version is out of the way: the next publish starts and goes live.
    const { jobId } = await publish("after the failure");
    expect(await waitForJob(t.db, jobId!, 30_000)).toMatchObject({ state: "done" });
    expect((await getActiveModel(t.db))!.version).toBeGreaterThan(live);
  }, 60_000);
});
