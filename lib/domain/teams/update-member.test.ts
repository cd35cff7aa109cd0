import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead, createTeam, createUser } from "@/db/factories";
import { auditLog, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { createActor } from "./test-actors";
import { updateMember } from "./update-member";

let t: TestDb;
let admin: Actor, manager: Actor;
let emea: { id: string }, americas: { id: string };
let rep: { id: string };

const now = new Date("2026-03-10T10:00:00Z"); // a Tuesday, 11:00 in Paris
const stored = async () => (await t.db.select().from(users).where(eq(users.id, rep.id)))[0];

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin");
  manager = await createActor(t.db, "manager");
  emea = await createTeam(t.db, "EMEA");
  americas = await createTeam(t.db, "Americas", "America/New_York");
  rep = await createUser(t.db, {
    role: "rep",
    name: "Thomas Petit",
    teamId: emea.id,
    timeZone: "Europe/Paris",
    capacity: 50,
  });
  await createLead(t.db, { stage: "mql", ownerId: rep.id });
  await createLead(t.db, { stage: "mql", ownerId: rep.id });
});
afterAll(() => t?.close());

describe("updating a member", () => {
  it("accepts capacities from 0 to 1000 and refuses the rest in plain words", async () => {
    expect(
      (await updateMember({ db: t.db, actor: admin, userId: rep.id, capacity: 0, now })).capacity,
    ).toBe(0);
    expect(
      (await updateMember({ db: t.db, actor: admin, userId: rep.id, capacity: 1000, now }))
        .capacity,
    ).toBe(1000);
    for (const capacity of [-1, 1001, 2.5]) {
      await expect(
        updateMember({ db: t.db, actor: admin, userId: rep.id, capacity, now }),
      ).rejects.toMatchObject({
        code: "validation_failed",
        fields: { capacity: ["Capacity is a whole number of open MQLs, from 0 to 1,000."] },
      });
    }
    const member = await updateMember({ db: t.db, actor: admin, userId: rep.id, capacity: 1, now });
    expect(member).toMatchObject({ capacity: 1, openMqls: 2 });
    expect((await stored()).capacity).toBe(1);
  });

  it("sets away-until as the last day away in the member's zone, and clears it", async () => {
    const member = await updateMember({
      db: t.db,
      actor: admin,
      userId: rep.id,
      awayUntil: "2026-03-12",
      now,
    });
    expect(member).toMatchObject({ awayUntil: "2026-03-12", away: true });
    // Away through 12 March in Paris: routing may use them again from 13 March, 00:00 Paris time.
    expect((await stored()).awayUntil?.toISOString()).toBe("2026-03-12T23:00:00.000Z");
    const cleared = await updateMember({
      db: t.db,
      actor: admin,
      userId: rep.id,
      awayUntil: null,
      now,
    });
    expect(cleared).toMatchObject({ awayUntil: null, away: false });
    expect((await stored()).awayUntil).toBeNull();
  });

  it("allows today but not a day already past, and no away date once it has passed", async () => {
    await expect(
      updateMember({ db: t.db, actor: admin, userId: rep.id, awayUntil: "2026-03-09", now }),
    ).rejects.toMatchObject({
      fields: { awayUntil: ["Pick today or a later date."] },
    });
    await expect(
      updateMember({ db: t.db, actor: admin, userId: rep.id, awayUntil: "12/03/2026", now }),
    ).rejects.toMatchObject({ fields: { awayUntil: [expect.stringContaining("date")] } });
    expect(
      await updateMember({ db: t.db, actor: admin, userId: rep.id, awayUntil: "2026-03-10", now }),
    ).toMatchObject({ away: true });
    const nextWeek = new Date("2026-03-17T10:00:00Z");
    expect(
      await updateMember({ db: t.db, actor: admin, userId: rep.id, capacity: 60, now: nextWeek }),
    ).toMatchObject({ away: false, awayUntil: null });
  });

  it("keeps the same last day away when the member moves to another time zone", async () => {
    await updateMember({ db: t.db, actor: admin, userId: rep.id, awayUntil: "2026-03-20", now });
    const moved = await updateMember({
      db: t.db,
      actor: admin,
      userId: rep.id,
      timeZone: "America/Chicago",
      now,
    });
    expect(moved).toMatchObject({
      timeZone: "America/Chicago",
      awayUntil: "2026-03-20",
      away: true,
    });
    expect((await stored()).awayUntil?.toISOString()).toBe("2026-03-21T05:00:00.000Z");
    await expect(
      updateMember({ db: t.db, actor: admin, userId: rep.id, timeZone: "Paris", now }),
    ).rejects.toMatchObject({ fields: { timeZone: [expect.any(String)] } });
  });

  it("moves a member to another team or out of every team", async () => {
    expect(
      await updateMember({ db: t.db, actor: admin, userId: rep.id, teamId: americas.id, now }),
    ).toMatchObject({ teamId: americas.id });
    expect(
      await updateMember({ db: t.db, actor: admin, userId: rep.id, teamId: null, now }),
    ).toMatchObject({ teamId: null });
    await expect(
      updateMember({
        db: t.db,
        actor: admin,
        userId: rep.id,
        teamId: "00000000-0000-4000-8000-000000000000",
        now,
      }),
    ).rejects.toMatchObject({
      fields: { teamId: ["That team does not exist (any more)."] },
    });
    expect((await stored()).teamId).toBeNull();
  });

  it("sets working hours and the active flag, and audits what changed", async () => {
    const member = await updateMember({
      db: t.db,
      actor: admin,
      userId: rep.id,
      workingHours: { days: [5, 1, 2, 1], start: "08:30", end: "16:00" },
      active: false,
      now,
    });
    expect(member).toMatchObject({
      workingHours: { days: [1, 2, 5], start: "08:30", end: "16:00" },
      active: false,
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, rep.id))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({ action: "user.updated", actorId: admin.id });
    expect(audit.data).toEqual({
      workingHours: {
        from: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
        to: { days: [1, 2, 5], start: "08:30", end: "16:00" },
      },
      active: { from: true, to: false },
      // Their two open MQLs (no country: no team covers them) went back to the unassigned queue.
      reroutedMqls: 2,
    });
    expect(member.openMqls).toBe(0);
    await expect(
      updateMember({
        db: t.db,
        actor: admin,
        userId: rep.id,
        workingHours: { days: [], start: "18:00", end: "09:00" },
        now,
      }),
    ).rejects.toMatchObject({
      fields: {
        "workingHours.days": ["Pick at least one working day."],
        "workingHours.end": ["The working day must end after it starts."],
      },
    });
  });

  it("writes nothing to the audit log when nothing changes", async () => {
    const before = (await t.db.select().from(auditLog)).length;
    await updateMember({
      db: t.db,
      actor: admin,
      userId: rep.id,
      active: false,
      workingHours: { days: [1, 2, 5], start: "08:30", end: "16:00" },
      now,
    });
    expect((await t.db.select().from(auditLog)).length).toBe(before);
  });

  it("refuses empty or unknown changes, unknown users, deactivating oneself, and non-admins", async () => {
    await expect(
      updateMember({ db: t.db, actor: admin, userId: rep.id, now }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      updateMember({
        db: t.db,
        actor: admin,
        userId: rep.id,
        now,
        ...({ email: "someone@else.test" } as object),
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      updateMember({
        db: t.db,
        actor: admin,
        userId: "00000000-0000-4000-8000-000000000000",
        capacity: 5,
        now,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateMember({ db: t.db, actor: admin, userId: admin.id, active: false, now }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      updateMember({ db: t.db, actor: manager, userId: rep.id, capacity: 5, now }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await stored()).capacity).toBe(60);
  });
});
