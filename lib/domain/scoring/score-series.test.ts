import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "@/db/factories";
import { leads } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { publishDraft } from "./publish";
import { scoreSeries } from "./score-series";
import { template } from "./templates";
import { saveDraft } from "./versions";

let t: TestDb;
const DAY = 86_400_000;
const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const by = { actorType: "user" as const, actorId: "test", label: "Test", userId: null };

/** One event for `email`, ingested (and so scored) at the moment it happened. */
async function happen(
  email: string,
  name: string,
  at: Date,
  properties: Record<string, unknown> = {},
) {
  const result = await ingestEvents(
    t.db,
    [
      {
        id: `${email}-${name}-${at.toISOString()}`,
        email,
        name,
        properties,
        occurredAt: at.toISOString(),
      },
    ],
    { source: "api", now: at },
  );
  expect(result.errors).toEqual([]);
}

const idOf = async (email: string) =>
  (await t.db.select({ id: leads.id }).from(leads).where(eq(leads.email, email)))[0].id;
const shape = (series: Awaited<ReturnType<typeof scoreSeries>>) =>
  series.points.map((p) => [p.at, p.total]);

beforeAll(async () => {
  t = await createTestDb();
  // Seed 003: each behaviour scores once (15 for a click or a visit, 30 for a guide).
  await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
  await publishDraft(t.db, by, "seed 003", () => daysAgo(200));
  await happen("ana@example.test", "Link Clicked", daysAgo(120));
  await happen("ana@example.test", "Page Viewed", daysAgo(60), { path: "/product" });
  await happen("ana@example.test", "Content Downloaded", daysAgo(20), { asset_type: "guide" });
  // Counted at most once: the score does not move, so no snapshot is taken.
  await happen("ana@example.test", "Page Viewed", daysAgo(5), { path: "/pricing" });
});
afterAll(() => t?.close());

describe("scoreSeries", () => {
  it("carries the score from before the window to its start, then each move, then the current score now", async () => {
    const series = await scoreSeries(t.db, await idOf("ana@example.test"), { days: 90, now });
    expect(series.from).toBe(daysAgo(90).toISOString());
    expect(series.to).toBe(now.toISOString());
    expect(shape(series)).toEqual([
      [daysAgo(90).toISOString(), 15],
      [daysAgo(60).toISOString(), 30],
      [daysAgo(20).toISOString(), 60],
      [now.toISOString(), 60],
    ]);
    expect(series.points.at(-1)).toMatchObject({ fit: 0, engagement: 60, modelVersion: 1 });
  });

  it("shows a shorter window as it was then, without later snapshots or the current score", async () => {
    const series = await scoreSeries(t.db, await idOf("ana@example.test"), {
      days: 30,
      now: daysAgo(40),
    });
    expect(shape(series)).toEqual([
      [daysAgo(70).toISOString(), 15],
      [daysAgo(60).toISOString(), 30],
    ]);
  });

  it("starts at the first score for a lead scored inside the window", async () => {
    await happen("ben@example.test", "Content Downloaded", daysAgo(10), { asset_type: "guide" });
    const series = await scoreSeries(t.db, await idOf("ben@example.test"), { days: 90, now });
    expect(shape(series)).toEqual([
      [daysAgo(10).toISOString(), 30],
      [now.toISOString(), 30],
    ]);
  });

  it("follows a republished model and ends on the score it gives", async () => {
    const model = template("seed-003-telecom");
    model.rules.find((r) => r.id === "guide")!.points = 40;
    await saveDraft(t.db, model as never, { userId: null, label: "Test" });
    await publishDraft(t.db, by, "guide is worth more", () => daysAgo(2));
    const series = await scoreSeries(t.db, await idOf("ana@example.test"), { days: 90, now });
    expect(shape(series).slice(-2)).toEqual([
      [daysAgo(2).toISOString(), 70],
      [now.toISOString(), 70],
    ]);
    expect(series.points.at(-2)!.modelVersion).toBe(2);
  });

  it("has nothing to draw for a lead that was never scored", async () => {
    const lead = await createLead(t.db);
    expect((await scoreSeries(t.db, lead.id, { days: 90, now })).points).toEqual([]);
  });
});
