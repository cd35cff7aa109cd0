import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, teams } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { saveTeam } from "./save-team";
import { createActor } from "./test-actors";

let t: TestDb;
let admin: Actor, manager: Actor;

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin");
  manager = await createActor(t.db, "manager");
});
afterAll(() => t?.close());

describe("saving a team", () => {
  it("creates a team with its time zone, then renames it, each change audited", async () => {
    const created = await saveTeam({
      db: t.db,
      actor: admin,
      name: "  Nordics ",
      timeZone: "Europe/Stockholm",
    });
    expect(created).toMatchObject({ name: "Nordics", timeZone: "Europe/Stockholm", created: true });
    const renamed = await saveTeam({
      db: t.db,
      actor: admin,
      id: created.id,
      name: "Nordics & Baltics",
      timeZone: "Europe/Helsinki",
    });
    expect(renamed).toMatchObject({
      id: created.id,
      name: "Nordics & Baltics",
      timeZone: "Europe/Helsinki",
      created: false,
    });
    const [row] = await t.db.select().from(teams).where(eq(teams.id, created.id));
    expect(row).toMatchObject({ name: "Nordics & Baltics", timeZone: "Europe/Helsinki" });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, created.id))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["team.created", "team.updated"]);
    expect(audit[1].data).toEqual({
      from: { name: "Nordics", timeZone: "Europe/Stockholm" },
      to: { name: "Nordics & Baltics", timeZone: "Europe/Helsinki" },
    });
    expect(audit[1].actorId).toBe(admin.id);
  });

  it("refuses a second team with the same name, whatever the case, but lets a team keep its own", async () => {
    const apac = await saveTeam({
      db: t.db,
      actor: admin,
      name: "APAC",
      timeZone: "Asia/Singapore",
    });
    await expect(
      saveTeam({ db: t.db, actor: admin, name: "apac", timeZone: "UTC" }),
    ).rejects.toMatchObject({
      code: "conflict",
      fields: { name: [expect.stringContaining("already exists")] },
    });
    await expect(
      saveTeam({ db: t.db, actor: admin, id: apac.id, name: "Apac", timeZone: "Asia/Tokyo" }),
    ).resolves.toMatchObject({ name: "Apac" });
  });

  it("explains an empty name or an unknown time zone field by field", async () => {
    await expect(
      saveTeam({ db: t.db, actor: admin, name: " ", timeZone: "Mars/Olympus" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: { name: ["Name the team."], timeZone: [expect.stringContaining("time zone")] },
    });
  });

  it("answers not found for a team that does not exist", async () => {
    await expect(
      saveTeam({
        db: t.db,
        actor: admin,
        id: "00000000-0000-4000-8000-000000000000",
        name: "Ghost",
        timeZone: "UTC",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      saveTeam({ db: t.db, actor: admin, id: "not-a-uuid", name: "Ghost", timeZone: "UTC" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("is for admins only", async () => {
    await expect(
      saveTeam({ db: t.db, actor: manager, name: "Rogue", timeZone: "UTC" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.db.select().from(teams).where(eq(teams.name, "Rogue"))).toEqual([]);
  });
});
