import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { auditLog, leads, teamTerritories, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { updateMember } from "@/lib/domain/teams/update-member";

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
const at = new Date("2026-11-23T10:00:00Z"); // a Monday, 11:00 in Paris
const ownerOf = async (id: string) =>
  (await t.db.select({ owner: leads.ownerId }).from(leads).where(eq(leads.id, id)))[0].owner;
const openClocks = async (id: string) =>
  queryRows<{ user_id: string | null }>(
    t.db,
    sql`select user_id from sla_clocks where lead_id = ${id} and closed_at is null`,
  );

beforeAll(async () => {
  t = await createTestDb();
  s = await salesTeams(t.db);
  await t.db.insert(teamTerritories).values([{ country: "FR", teamId: s.fr.id }]);
});
afterAll(() => t?.close());

describe("a rep who leaves", () => {
  it("hands their open MQLs to the next rep of the team, with a fresh SLA clock; accepted leads stay", async () => {
    const open = await assignedMql(t.db, s.frRep, at, {}, { country: "FR" });
    const open2 = await assignedMql(t.db, s.frRep, at, {}, { country: "fr" });
    const accepted = await assignedMql(t.db, s.frRep, at, {}, { country: "FR" });
    await t.db.update(leads).set({ stage: "sal" }).where(eq(leads.id, accepted.id));

    const later = new Date(at.getTime() + 3600_000);
    const member = await updateMember({
      db: t.db,
      actor: s.admin,
      userId: s.frRep.id,
      active: false,
      now: later,
    });
    expect(member).toMatchObject({ active: false, openMqls: 0, reroutedMqls: 2 });
    for (const lead of [open, open2]) {
      expect(await ownerOf(lead.id)).toBe(s.frRep2.id);
      expect(await openClocks(lead.id)).toEqual([{ user_id: s.frRep2.id }]);
    }
    expect(await ownerOf(accepted.id)).toBe(s.frRep.id);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, s.frRep.id))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit.data).toMatchObject({ active: { from: true, to: false }, reroutedMqls: 2 });
  });

  it("leaves a lead nobody can take in the unassigned queue, never with them", async () => {
    // Léa is the last FR rep; her leads have nowhere to go once she is deactivated.
    const lead = await assignedMql(t.db, s.frRep2, at, {}, { country: "FR" });
    const member = await updateMember({
      db: t.db,
      actor: s.admin,
      userId: s.frRep2.id,
      active: false,
      now: at,
    });
    expect(member.reroutedMqls).toBeGreaterThanOrEqual(1);
    expect(await ownerOf(lead.id)).toBeNull();
    expect(await openClocks(lead.id)).toEqual([]);
    // Reactivated: routing may give her leads again (the unassigned queue drains on its own).
    expect(
      (await updateMember({ db: t.db, actor: s.admin, userId: s.frRep2.id, active: true, now: at }))
        .active,
    ).toBe(true);
  });

  it("made a marketer, a rep's open MQLs are routed too; a rep made manager keeps theirs", async () => {
    await t.db.update(users).set({ active: true }).where(eq(users.id, s.frRep.id));
    const kept = await assignedMql(t.db, s.usRep, at, {}, { country: "US" });
    const manager = await updateMember({
      db: t.db,
      actor: s.admin,
      userId: s.usRep.id,
      role: "manager",
      now: at,
    });
    expect(manager).toMatchObject({ role: "manager", reroutedMqls: 0 });
    expect(await ownerOf(kept.id)).toBe(s.usRep.id);

    const moved = await assignedMql(t.db, s.frRep, at, {}, { country: "FR" });
    const marketer = await updateMember({
      db: t.db,
      actor: s.admin,
      userId: s.frRep.id,
      role: "marketer",
      now: at,
    });
    expect(marketer).toMatchObject({ role: "marketer", reroutedMqls: 1 });
    expect(await ownerOf(moved.id)).toBe(s.frRep2.id);
  });

  it("an admin cannot change their own role or deactivate themselves; others cannot change roles", async () => {
    await expect(
      updateMember({ db: t.db, actor: s.admin, userId: s.admin.id, role: "rep", now: at }),
    ).rejects.toMatchObject({
      code: "unprocessable",
      message: "You cannot change your own role.",
    });
    await expect(
      updateMember({ db: t.db, actor: s.admin, userId: s.admin.id, active: false, now: at }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      updateMember({ db: t.db, actor: s.frManager, userId: s.frRep2.id, role: "admin", now: at }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateMember({
        db: t.db,
        actor: s.admin,
        userId: s.frRep2.id,
        role: "boss" as "rep",
        now: at,
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const [row] = await t.db.select().from(users).where(eq(users.id, s.admin.id));
    expect(row).toMatchObject({ role: "admin", active: true });
  });
});
