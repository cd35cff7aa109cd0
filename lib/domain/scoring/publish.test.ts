import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { leads, scoreHistory } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { getLeadScore } from "./lead-score";
import { lockScoringExclusive } from "./locks";
import { InvalidModelError, publishDraft } from "./publish";
import { previewModel } from "./preview";
import { template } from "./templates";
import { getActiveModel, saveDraft } from "./versions";

let t: TestDb;
const by = { actorType: "user" as const, actorId: "test", label: "Test", userId: null };
const thibault = (suffix = "") => [
  {
    id: `t1${suffix}`,
    email: "thibault@horizon.test",
    name: "Link Clicked",
    properties: { channel: "linkedin" },
    occurredAt: "2026-11-10T09:30:00Z",
  },
  {
    id: `t2${suffix}`,
    email: "thibault@horizon.test",
    name: "Page Viewed",
    properties: { path: "/product" },
    occurredAt: "2026-11-11T10:30:00Z",
  },
  {
    id: `t3${suffix}`,
    email: "thibault@horizon.test",
    name: "Content Downloaded",
    properties: { asset_type: "guide" },
    occurredAt: "2026-11-13T14:30:00Z",
  },
  {
    id: `t4${suffix}`,
    email: "thibault@horizon.test",
    name: "Question Asked",
    properties: { channel: "social" },
    occurredAt: "2026-11-17T11:30:00Z",
  },
];
const leadId = async (email: string) =>
  (await t.db.select({ id: leads.id }).from(leads).where(eq(leads.email, email)))[0].id;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe("publish and ingestion", () => {
  it("scores Thibault 110 with a four-line receipt, idempotently, and follows a republished rule", async () => {
    await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
    expect(await publishDraft(t.db, by, "seed 003")).toMatchObject({
      version: 1,
      leadsRescored: 0,
    });

    const first = await ingestEvents(t.db, thibault(), { source: "api" });
    expect(first).toMatchObject({ accepted: 4, duplicates: 0, errors: [] });
    const id = await leadId("thibault@horizon.test");
    const score = await getLeadScore(t.db, id, { receipt: true });
    expect(score).toMatchObject({
      total: 110,
      fit: 0,
      engagement: 110,
      band: "hot",
      modelVersion: 1,
    });
    expect(score!.receipt!.lines.map((l) => [l.label, l.earned])).toEqual([
      ["Clicked a link in an email or a social post", 15],
      ["Visited the website", 15],
      ["Downloaded a guide", 30],
      ["Asked a question (social media, chat or contact form)", 50],
    ]);

    const again = await ingestEvents(t.db, thibault(), { source: "api" });
    expect(again).toMatchObject({ accepted: 0, duplicates: 4 });
    expect((await getLeadScore(t.db, id))!.total).toBe(110);

    const model = template("seed-003-telecom");
    model.rules.find((r) => r.id === "guide")!.points = 40;
    await saveDraft(t.db, model as never, { userId: null, label: "Test" });
    const preview = await previewModel(t.db, {
      draft: model,
      baseline: template("seed-003-telecom"),
    });
    expect(preview).toMatchObject({ leads: 1, changed: 1, newlyMql: 0, droppedBelow: 0 });
    expect(preview.movers[0]).toMatchObject({ leadId: id, before: 110, after: 120 });
    expect(await publishDraft(t.db, by, "guide is worth more")).toMatchObject({
      version: 2,
      leadsRescored: 1,
    });
    expect(await getLeadScore(t.db, id)).toMatchObject({ total: 120, modelVersion: 2 });

    const history = await t.db.select().from(scoreHistory).where(eq(scoreHistory.leadId, id));
    expect(history.map((h) => [h.cause, h.modelVersion, h.total])).toEqual([
      ["ingest", 1, 110],
      ["publish", 2, 120],
    ]);
  });

  it("refuses to publish an invalid draft and says where every problem is", async () => {
    // A draft saved under an older, looser model can fail today's validation; saveDraft itself
    // only takes valid models, hence the cast.
    const invalid = {
      name: "",
      mqlThreshold: 100,
      bands: [],
      rules: [{ id: "x", label: "X", kind: "event", event: "", points: "ten" }],
    };
    await saveDraft(t.db, invalid as never, { userId: null, label: "Test" });
    const error = await publishDraft(t.db, by).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidModelError);
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["$.name", "$.bands", "$.rules.0.event", "$.rules.0.points"]),
    );
    expect((await getActiveModel(t.db))!.version).toBe(2);
  });

  it("lets an event ingested during a publish end up scored by the new version", async () => {
    const model = template("seed-003-telecom");
    model.rules.find((r) => r.id === "question")!.points = 70;
    await saveDraft(t.db, model as never, { userId: null, label: "Test" });
    // Hold the publish lock as a long publish would, start an ingestion, then publish.
    let ingestion: Promise<unknown> | null = null;
    const publishing = t.db.transaction(async (tx) => {
      await lockScoringExclusive(tx);
      ingestion = ingestEvents(
        t.db,
        [
          {
            id: "late-1",
            email: "late@horizon.test",
            name: "Question Asked",
            occurredAt: "2026-11-20T10:00:00Z",
          },
        ],
        { source: "api" },
      );
      await new Promise((r) => setTimeout(r, 200));
    });
    await publishing;
    const published = await publishDraft(t.db, by, "questions matter");
    await ingestion;
    const score = await getLeadScore(t.db, await leadId("late@horizon.test"));
    expect(score).toMatchObject({ total: 70, modelVersion: published.version });
  });

  it("publishes one version at a time: a second publish while one is being built is refused", async () => {
    await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
    const live = (await getActiveModel(t.db))!.version;
    const results = await Promise.allSettled([
      publishDraft(t.db, by, "a"),
      publishDraft(t.db, by, "b"),
      publishDraft(t.db, by, "c"),
    ]);
    const published = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.version] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(published.length).toBeGreaterThanOrEqual(1);
    for (const error of refused) expect(error).toMatchObject({ code: "conflict" });
    expect((await getActiveModel(t.db))!.version).toBe(Math.max(...published));
    expect(Math.max(...published)).toBeGreaterThan(live);
    const [row] = await queryRows<{ versions: number[] }>(
      t.db,
      sql`select array_agg(distinct model_version) as versions from lead_scores`,
    );
    expect(row.versions).toEqual([Math.max(...published)]);
  });
});
