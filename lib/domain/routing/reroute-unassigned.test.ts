import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { assignments, leads, teamTerritories, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { rerouteUnassigned } from "./reroute-unassigned";

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
const at = new Date("2026-11-23T10:00:00Z");
const minutes = (m: number) => new Date(at.getTime() + m * 60_000);

beforeAll(async () => {
  t = await createTestDb();
  s = await salesTeams(t.db);
  await t.db.insert(teamTerritories).values([{ country: "FR", teamId: s.fr.id }]);
});
afterAll(() => t?.close());

const ownerOf = async (id: string) =>
  (await t.db.select({ owner: leads.ownerId }).from(leads).where(eq(leads.id, id)))[0].owner;
const clocks = async (id: string) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from sla_clocks where lead_id = ${id} and closed_at is null`,
    )
  )[0].n;

describe("the unassigned queue", () => {
  it("waits while nobody can take a lead, then goes to the rep who frees up, oldest first, with a clock", async () => {
    // Both FR reps full (capacity 1, one open MQL each); the US team covers no country.
    await t.db.update(users).set({ capacity: 1 }).where(eq(users.teamId, s.fr.id));
    const held = await assignedMql(t.db, s.frRep, minutes(0), {}, { country: "FR" });
    await assignedMql(t.db, s.frRep2, minutes(0), {}, { country: "FR" });
    const older = await assignedMql(t.db, null, minutes(1), {}, { country: "FR" });
    const newer = await assignedMql(t.db, null, minutes(2), {}, { country: "FR" });
    const nowhere = await assignedMql(t.db, null, minutes(3), {}, { country: "JP" });
    const history = async () => (await t.db.select().from(assignments)).length;
    const before = await history();

    expect((await rerouteUnassigned(t.db, minutes(10))).routed).toEqual([]);
    expect(await history()).toBe(before); // a full team writes nothing

    // Thomas's lead is accepted elsewhere: one slot frees; the older waiting lead takes it.
    await t.db.update(leads).set({ stage: "sal" }).where(eq(leads.id, held.id));
    const { routed } = await rerouteUnassigned(t.db, minutes(20));
    expect(routed.map((r) => [r.leadId, r.userId])).toEqual([[older.id, s.frRep.id]]);
    expect(await ownerOf(older.id)).toBe(s.frRep.id);
    expect(await clocks(older.id)).toBe(1);
    expect(await ownerOf(newer.id)).toBeNull();

    // A territory added for JP with a free rep: the JP lead is routed too.
    await t.db.insert(teamTerritories).values({ country: "JP", teamId: s.us.id });
    expect((await rerouteUnassigned(t.db, minutes(30))).routed.map((r) => r.leadId)).toEqual([
      nowhere.id,
    ]);
    expect(await ownerOf(nowhere.id)).toBe(s.usRep.id);
  });
});
