/**
 * Erasure under load and event retention: a lead erased while a publish builds its scores gets
 * no score or history back from the swap; erased while batches for it keep arriving, every event
 * is either erased with it or skipped as suppressed, and no lead with its email comes back; the
 * retention job deletes only events older than the setting (nothing while it is off), in slices,
 * and rescores the leads it took events from.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor, Principal } from "@/lib/auth/principal";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { beginPublish, buildPublish, publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { createActor } from "@/lib/domain/teams/test-actors";
import { createImportRecord, getImportView, prepareImport } from "@/lib/domain/imports/imports";
import { runImport } from "@/lib/domain/imports/run-import";
import { storeUpload } from "@/lib/domain/imports/upload";
import type { ImportKind } from "@/lib/shared/imports";
import { eraseLead } from "./erase-lead";
import { pruneOldEvents, retentionInputSchema, saveRetention } from "./retention";

let t: TestDb;
let admin: Actor;
let asAdmin: Principal;
const by = { actorType: "user" as const, actorId: "test", label: "Test", userId: null };
const now = new Date("2026-11-20T12:00:00Z");

const event = (id: string, email: string, name: string, occurredAt = "2026-11-15T10:00:00Z") => ({
  id,
  email,
  name,
  properties: { asset_type: "guide" },
  occurredAt,
});

const leadIdOf = async (email: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from leads where email = ${email}`))[0]?.id;

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(t.db, sql`select (${query})::int as n`))[0].n;

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin");
  asAdmin = { kind: "user", user: admin };
  await saveDraft(t.db, template("seed-003-telecom"), { userId: null, label: "Test" });
  await publishDraft(t.db, by, "first", () => now);
});
afterAll(() => t?.close());

describe("erasing a lead while the system is busy", () => {
  it("during a publish's build: the swap brings back no score and no history for it", async () => {
    const emails = ["build.a@erase.test", "build.b@erase.test"];
    await ingestEvents(
      t.db,
      emails.flatMap((email, i) => [
        event(`b-${i}-1`, email, "Page Viewed"),
        event(`b-${i}-2`, email, "Question Asked"),
      ]),
      { source: "api", now },
    );
    const victim = (await leadIdOf(emails[0]))!;
    const model = template("seed-003-telecom");
    model.rules.find((r) => r.id === "question")!.points = 70;
    await saveDraft(t.db, model, { userId: null, label: "Test" });
    const { version } = await beginPublish(t.db, by, "while erasing");
    await buildPublish(t.db, version, by, {
      now: () => now,
      // The shadow table holds the lead's new score by now: it is erased before the swap.
      afterBuild: async () => {
        await eraseLead({ db: t.db, principal: asAdmin, id: victim, now });
      },
    });
    expect(await count(sql`select max(version) from model_versions where state = 'live'`)).toBe(
      version,
    );
    expect(await count(sql`select count(*) from lead_scores where lead_id = ${victim}`)).toBe(0);
    expect(await count(sql`select count(*) from score_history where lead_id = ${victim}`)).toBe(0);
    expect(await count(sql`select count(*) from events where lead_id = ${victim}`)).toBe(0);
    const other = (await leadIdOf(emails[1]))!;
    expect(
      await count(
        sql`select count(*) from lead_scores where lead_id = ${other} and model_version = ${version}`,
      ),
    ).toBe(1);
    // A later full publish does not score the tombstone either.
    await publishDraft(t.db, by, "again", () => now);
    expect(await count(sql`select count(*) from lead_scores where lead_id = ${victim}`)).toBe(0);
  });

  it("during ingestion for that lead: nothing acknowledged survives it, nothing recreates it", async () => {
    const email = "busy@erase.test";
    await ingestEvents(t.db, [event("busy-0", email, "Page Viewed")], { source: "api", now });
    const id = (await leadIdOf(email))!;
    const batches = Array.from({ length: 6 }, (_, b) =>
      ingestEvents(
        t.db,
        Array.from({ length: 20 }, (_, i) => event(`busy-${b}-${i}`, email, "Link Clicked")),
        { source: "api", now },
      ),
    );
    const [erased, ...results] = await Promise.all([
      eraseLead({ db: t.db, principal: asAdmin, id, now }),
      ...batches,
    ]);
    expect(erased.id).toBe(id);
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.accepted + r.suppressed + r.duplicates).toBe(20);
    }
    expect(await count(sql`select count(*) from leads where email = ${email}`)).toBe(0);
    expect(await count(sql`select count(*) from events where lead_id = ${id}`)).toBe(0);
    expect(await count(sql`select count(*) from lead_scores where lead_id = ${id}`)).toBe(0);
    const after = await ingestEvents(t.db, [event("busy-late", email, "Page Viewed")], {
      source: "api",
      now,
    });
    expect(after).toMatchObject({ accepted: 0, suppressed: 1 });
  });

  it("refuses people without the privacy permission", async () => {
    const rep = await createActor(t.db, "rep");
    const email = "kept@erase.test";
    await ingestEvents(t.db, [event("kept-1", email, "Page Viewed")], { source: "api", now });
    await expect(
      eraseLead({ db: t.db, principal: { kind: "user", user: rep }, id: (await leadIdOf(email))! }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      eraseLead({
        db: t.db,
        principal: { kind: "key", key: { apiKeyId: "k", name: "k", scopes: ["privacy:read"] } },
        id: (await leadIdOf(email))!,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await leadIdOf(email)).toBeTruthy();
  });
});

async function importCsv(content: string, kind: ImportKind) {
  const upload = await storeUpload(
    t.db,
    (async function* () {
      yield Buffer.from(content, "utf8");
    })(),
    { fileName: "crm.csv", createdBy: "test" },
  );
  const mapping = await prepareImport(t.db, { uploadId: upload.id, kind });
  const id = await createImportRecord(t.db, {
    uploadId: upload.id,
    kind,
    mapping,
    dryRun: false,
    requestedBy: "test",
  });
  await runImport(t.db, id, { progress: async () => {}, now });
  return (await getImportView(t.db, id))!;
}

describe("CSV imports after an erase", () => {
  it("skip the erased person's rows (never a row error quoting them) and record consent as imported", async () => {
    const email = "imported@erase.test";
    await ingestEvents(t.db, [event("imp-1", email, "Page Viewed")], { source: "api", now });
    await eraseLead({ db: t.db, principal: asAdmin, id: (await leadIdOf(email))!, now });
    const leads = await importCsv(
      [
        "Email,First name,Consent,Consent date,Consent source",
        `${email},Erased,yes,2026-10-01,web_form`,
        "fresh@erase.test,Fresh,yes,2026-10-01,trade_show",
        "plain@erase.test,Plain,yes,,",
        "",
      ].join("\n"),
      "leads",
    );
    expect(leads.counts).toMatchObject({ created: 2, updated: 0, skipped: 1, failed: 0 });
    expect(await leadIdOf(email)).toBeUndefined();
    const consent = await queryRows<{ email: string; consent_at: Date | string; source: string }>(
      t.db,
      sql`select email, consent_at, consent_source as source from leads
          where email in ('fresh@erase.test', 'plain@erase.test') order by email`,
    );
    expect(consent.map((c) => [c.email, new Date(c.consent_at).toISOString(), c.source])).toEqual([
      ["fresh@erase.test", "2026-10-01T00:00:00.000Z", "trade_show"],
      ["plain@erase.test", now.toISOString(), "import"],
    ]);
    const events = await importCsv(
      `Email,Event,Date\n${email},Page Viewed,2026-11-10\nfresh@erase.test,Page Viewed,2026-11-10\n`,
      "events",
    );
    expect(events.counts).toMatchObject({ created: 1, skipped: 1, failed: 0 });
    expect(await leadIdOf(email)).toBeUndefined();
    expect(
      await count(
        sql`select count(*) from import_row_errors where cells::text like ${`%${email}%`}`,
      ),
    ).toBe(0);
  });
});

describe("event retention", () => {
  it("is off by default and bounded to 1–120 months", async () => {
    expect(retentionInputSchema.safeParse({ eventRetentionMonths: 0 }).success).toBe(false);
    expect(retentionInputSchema.safeParse({ eventRetentionMonths: 121 }).success).toBe(false);
    expect(retentionInputSchema.safeParse({ eventRetentionMonths: 2.5 }).success).toBe(false);
    expect(retentionInputSchema.safeParse({ eventRetentionMonths: null }).success).toBe(true);
    expect(await pruneOldEvents(t.db, { now })).toMatchObject({ months: null, deleted: 0 });
  });

  it("deletes only the events older than the setting, in slices, and rescores their leads", async () => {
    const email = "old.and.new@retention.test";
    const ingested = await ingestEvents(
      t.db,
      [
        event("r-old-1", email, "Question Asked", "2025-01-10T10:00:00Z"),
        event("r-old-2", email, "Link Clicked", "2026-04-19T10:00:00Z"),
        event("r-new-1", email, "Page Viewed", "2026-05-21T10:00:00Z"),
        event("r-new-2", email, "Email Opened", "2026-11-19T10:00:00Z"),
      ],
      { source: "api", now },
    );
    expect(ingested.accepted).toBe(4);
    const id = (await leadIdOf(email))!;
    const totalBefore = await count(sql`select total from lead_scores where lead_id = ${id}`);
    const rep = await createActor(t.db, "rep");
    await expect(
      saveRetention({ db: t.db, actor: rep, input: { eventRetentionMonths: 6 } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const saved = await saveRetention({
      db: t.db,
      actor: admin,
      input: { eventRetentionMonths: 6 },
      now,
    });
    expect(saved.eventRetentionMonths).toBe(6);
    const everyOther = await count(
      sql`select count(*) from events where occurred_at >= '2026-05-20T12:00:00Z'`,
    );
    const progress: number[] = [];
    const result = await pruneOldEvents(t.db, {
      now,
      slice: 7,
      onProgress: async (done) => {
        progress.push(done);
      },
    });
    expect(result).toMatchObject({ months: 6, cutoff: "2026-05-20T12:00:00.000Z", deleted: 2 });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const left = await queryRows<{ external_id: string }>(
      t.db,
      sql`select external_id from events where lead_id = ${id} order by external_id`,
    );
    expect(left.map((e) => e.external_id)).toEqual(["r-new-1", "r-new-2"]);
    expect(await count(sql`select count(*) from events`)).toBe(everyOther);
    // The question (70) and the click (15) no longer count: 15 + 10 left.
    expect(totalBefore).toBe(110);
    expect(await count(sql`select total from lead_scores where lead_id = ${id}`)).toBe(25);
  });
});
