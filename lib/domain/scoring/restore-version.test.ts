import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/db/factories";
import { auditLog } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { AppError } from "@/lib/shared/errors";
import { diffModels } from "./diff";
import { getVersionRecord } from "./get-version";
import { publishDraft, type PublishBy } from "./publish";
import { restoreVersion } from "./restore-version";
import { template } from "./templates";
import { getActiveModel, getDraft, saveDraft } from "./versions";

let t: TestDb;
let by: PublishBy;

beforeAll(async () => {
  t = await createTestDb();
  const camille = await createUser(t.db, { role: "marketer", name: "Camille Martin" });
  by = { actorType: "user", actorId: camille.id, label: camille.name, userId: camille.id };
  await saveDraft(t.db, template("seed-003-telecom") as never, by);
  await publishDraft(t.db, by, "seed 003 as agreed");
  const richer = template("seed-003-telecom");
  richer.rules.find((r) => r.id === "guide")!.points = 40;
  await saveDraft(t.db, richer as never, by);
  await publishDraft(t.db, by, "guides are worth more");
});
afterAll(() => t?.close());

describe("a published version", () => {
  it("is read back with who, when, why and what the publish cost", async () => {
    const v1 = await getVersionRecord(t.db, 1);
    expect(v1).toMatchObject({
      version: 1,
      note: "seed 003 as agreed",
      authorLabel: "Camille Martin",
      leadsRescored: 0,
      model: template("seed-003-telecom"),
    });
    expect(v1!.publishedAt).toBeInstanceOf(Date);
    expect(await getVersionRecord(t.db, 99)).toBeNull();
  });
});

describe("restoring a version as the draft", () => {
  it("replaces the draft with the old rules, leaves the active version alone and records who did it", async () => {
    const wip = template("seed-003-telecom");
    wip.rules.find((r) => r.id === "question")!.points = 70;
    await saveDraft(t.db, wip as never, by);

    const restored = await restoreVersion({ db: t.db, by, version: 1 });
    expect(restored).toMatchObject({
      restoredFrom: 1,
      baseVersion: 2,
      updatedByLabel: "Camille Martin",
    });

    const draft = await getDraft(t.db);
    expect(draft!.document).toEqual(template("seed-003-telecom"));
    expect(draft!.baseVersion).toBe(2);
    expect((await getActiveModel(t.db))!.version).toBe(2);

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "model.draft_restored"), eq(auditLog.targetId, "1")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "user",
      actorId: by.actorId,
      targetType: "model_version",
      data: { restoredFrom: 1, baseVersion: 2 },
    });
  });

  it("publishes as a new version identical to the one restored", async () => {
    const { version } = await publishDraft(t.db, by, "back to the agreed model");
    expect(version).toBe(3);
    const [v1, v3] = await Promise.all([getVersionRecord(t.db, 1), getVersionRecord(t.db, 3)]);
    expect(diffModels(v1!.model, v3!.model).same).toBe(true);
  });

  it("refuses an unknown version with not_found and keeps the draft", async () => {
    const before = await getDraft(t.db);
    const error = await restoreVersion({ db: t.db, by, version: 42 }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_found", status: 404 });
    expect(await getDraft(t.db)).toEqual(before);
  });
});
