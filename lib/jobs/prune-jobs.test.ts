import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { pruneJobs } from "./prune-jobs";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("pruning the jobs history", () => {
  it("drops old finished jobs, keeps failures longer and never touches waiting or running work", async () => {
    const now = new Date("2026-06-30T12:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    await t.db.insert(jobs).values([
      { name: "sla-sweep", state: "done", finishedAt: daysAgo(20) },
      { name: "sla-sweep", state: "cancelled", finishedAt: daysAgo(15) },
      { name: "sla-sweep", state: "done", finishedAt: daysAgo(2) },
      { name: "predict-train", state: "failed", finishedAt: daysAgo(20) },
      { name: "predict-train", state: "failed", finishedAt: daysAgo(40) },
      { name: "scoring-refresh", state: "queued", createdAt: daysAgo(60) },
      { name: "scoring-refresh", state: "running", startedAt: daysAgo(60) },
    ]);
    expect(await pruneJobs(t.db, { now })).toEqual({ jobs: 3 });
    const left = await t.db.select({ state: jobs.state, finishedAt: jobs.finishedAt }).from(jobs);
    expect(left.map((j) => j.state).sort()).toEqual(["done", "failed", "queued", "running"]);
    expect(await pruneJobs(t.db, { now })).toEqual({ jobs: 0 });
  });
});
