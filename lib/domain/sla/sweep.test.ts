import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  leads,
  notifications,
  slaClocks,
  teamTerritories,
} from "@/db/schema";
import { createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { leadScores } from "@/db/schema";
import { logTouch } from "@/lib/domain/decisions/log-touch";
import { reassignLead } from "@/lib/domain/decisions/reassign-lead";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { assignMqls } from "@/lib/domain/routing/assign-mqls";
import { savePolicies } from "./save-policies";
import { listPolicies } from "./policies";
import { sweepBreaches } from "./sweep";

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
const fridayEvening = new Date("2026-11-20T16:30:00Z"); // 17:30 Paris, 11:30 New York
const HOUR = 3_600_000;
const openClock = async (leadId: string) =>
  (
    await t.db
      .select()
      .from(slaClocks)
      .where(and(eq(slaClocks.leadId, leadId), isNull(slaClocks.closedAt)))
  )[0];

beforeAll(async () => {
  t = await createTestDb();
  s = await salesTeams(t.db);
});
afterAll(() => t?.close());

describe("SLA clocks follow assignments", () => {
  it("routing a Friday-evening MQL starts a clock in the FR rep's hours; reassignment to a US rep recomputes it", async () => {
    await t.db.insert(teamTerritories).values({ country: "FR", teamId: s.fr.id });
    const lead = await createLead(t.db, { stage: "mql", country: "FR" });
    await t.db.insert(leadScores).values({
      leadId: lead.id,
      modelVersion: 1,
      total: 120,
      fit: 60,
      engagement: 60,
      fitGrade: "B",
      engagementGrade: 1,
      band: "hot",
      asOf: fridayEvening,
      recordedTotal: 120,
    });
    const [assignment] = await assignMqls(
      t.db,
      [{ leadId: lead.id, country: "FR" }],
      fridayEvening,
    );
    expect([s.frRep.id, s.frRep2.id]).toContain(assignment.userId);
    const first = await openClock(lead.id);
    expect(first).toMatchObject({ userId: assignment.userId, policyName: "Hot", minTouches: 3 });
    expect(first.firstTouchDue.toISOString()).toBe("2026-11-23T08:30:00.000Z"); // Monday 09:30 Paris

    await expect(
      reassignLead({
        db: t.db,
        actor: s.frManager,
        leadId: lead.id,
        input: { repId: s.usRep.id },
        now: fridayEvening,
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await reassignLead({
      db: t.db,
      actor: s.admin,
      leadId: lead.id,
      input: { repId: s.usRep.id },
      now: fridayEvening,
    });
    const second = await openClock(lead.id);
    expect(second).toMatchObject({ userId: s.usRep.id });
    expect(second.firstTouchDue.toISOString()).toBe("2026-11-20T17:30:00.000Z"); // Friday 12:30 New York
    const closed = await t.db.select().from(slaClocks).where(eq(slaClocks.id, first.id));
    expect(closed[0]).toMatchObject({ closeReason: "reassigned", breachedFirstTouchAt: null });
    const history = await t.db.select().from(assignments).where(eq(assignments.leadId, lead.id));
    expect(history.map((a) => a.reason)).toEqual(["territory_round_robin", "manual"]);
  });
});

describe("the breach sweep", () => {
  it("marks a missed first touch once, notifies the team's manager and audits it", async () => {
    const lead = await assignedMql(t.db, s.frRep, fridayEvening, { total: 40, fitGrade: "C" }); // Standard: Monday 12:30 Paris
    const due = (await openClock(lead.id)).firstTouchDue;
    expect(due.toISOString()).toBe("2026-11-23T11:30:00.000Z");
    const before = await sweepBreaches(t.db, new Date(due.getTime() - 60_000));
    expect(before.breaches.filter((b) => b.leadId === lead.id)).toEqual([]);

    const after = await sweepBreaches(t.db, new Date(due.getTime() + 60_000));
    expect(after.breaches.filter((b) => b.leadId === lead.id)).toEqual([
      expect.objectContaining({ kind: "first_touch", userId: s.frRep.id, reassignedTo: null }),
    ]);
    expect((await openClock(lead.id)).breachedFirstTouchAt).not.toBeNull();
    const again = await sweepBreaches(t.db, new Date(due.getTime() + 2 * 60_000));
    expect(again.breaches.filter((b) => b.leadId === lead.id)).toEqual([]);

    const notes = await t.db.select().from(notifications).where(eq(notifications.leadId, lead.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: s.frManager.id,
      kind: "sla_breach_first_touch",
      data: expect.objectContaining({ repId: s.frRep.id, repName: "Thomas FR" }),
    });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, lead.id), eq(auditLog.action, "sla.breached.first_touch")));
    expect(audits).toHaveLength(1);
  });

  it("a touch before the deadline stops the first-touch clock; too few touches in D business days is a minimum-touches breach", async () => {
    const lead = await assignedMql(t.db, s.usRep, fridayEvening, { total: 40, fitGrade: "C" });
    await logTouch({
      db: t.db,
      actor: s.usRep,
      leadId: lead.id,
      input: { channel: "call", outcome: "no_answer" },
      now: new Date(fridayEvening.getTime() + HOUR),
    });
    const clock = await openClock(lead.id);
    expect(clock.firstTouchAt?.toISOString()).toBe(
      new Date(fridayEvening.getTime() + HOUR).toISOString(),
    );
    const result = await sweepBreaches(t.db, new Date(clock.touchesDueBy.getTime() + 60_000));
    expect(result.breaches.filter((b) => b.leadId === lead.id)).toEqual([
      expect.objectContaining({ kind: "touches" }),
    ]);
    expect(
      await t.db.select().from(notifications).where(eq(notifications.leadId, lead.id)),
    ).toEqual([expect.objectContaining({ userId: s.usManager.id, kind: "sla_breach_touches" })]);
  });

  it("meets the minimum touches: no breach when K touches were logged in time", async () => {
    const lead = await assignedMql(t.db, s.usRep, fridayEvening, { total: 40, fitGrade: "C" });
    for (let i = 1; i <= 3; i++)
      await logTouch({
        db: t.db,
        actor: s.usRep,
        leadId: lead.id,
        input: { channel: "email", outcome: "no_answer" },
        now: new Date(fridayEvening.getTime() + i * HOUR),
      });
    const clock = await openClock(lead.id);
    const result = await sweepBreaches(t.db, new Date(clock.touchesDueBy.getTime() + 60_000));
    expect(result.breaches.filter((b) => b.leadId === lead.id)).toEqual([]);
  });

  it("reassigns to the next rep of the team when the tier says so, with a fresh clock", async () => {
    const tiers = await listPolicies(t.db);
    await savePolicies({
      db: t.db,
      actor: s.admin,
      input: { policies: tiers.map((p) => ({ ...p, reassignOnBreach: true })) },
    });
    const lead = await assignedMql(t.db, s.frRep, fridayEvening, { total: 150, fitGrade: "A" }); // Hot: Monday 09:30
    const due = (await openClock(lead.id)).firstTouchDue;
    const now = new Date(due.getTime() + 5 * 60_000);
    const result = await sweepBreaches(t.db, now);
    const breach = result.breaches.find((b) => b.leadId === lead.id);
    expect(breach).toMatchObject({
      kind: "first_touch",
      userId: s.frRep.id,
      reassignedTo: s.frRep2.id,
    });
    expect((await t.db.select().from(leads).where(eq(leads.id, lead.id)))[0].ownerId).toBe(
      s.frRep2.id,
    );
    const fresh = await openClock(lead.id);
    expect(fresh).toMatchObject({
      userId: s.frRep2.id,
      startedAt: now,
      breachedFirstTouchAt: null,
    });
    expect(fresh.firstTouchDue.toISOString()).toBe(new Date(now.getTime() + HOUR).toISOString()); // Monday 09:35 + 1 h
    const [note] = await t.db.select().from(notifications).where(eq(notifications.leadId, lead.id));
    expect(note.data).toMatchObject({ reassignedToId: s.frRep2.id, reassignedToName: "Léa FR" });
    const last = (await t.db.select().from(assignments).where(eq(assignments.leadId, lead.id))).at(
      -1,
    );
    expect(last).toMatchObject({ reason: "sla_breach", userId: s.frRep2.id, actorType: "system" });
    await savePolicies({ db: t.db, actor: s.admin, input: { policies: tiers } });
  });
});

describe("team holidays", () => {
  it("an admin or the team's manager sets them; the team's clocks skip them", async () => {
    const { setTeamHolidays } = await import("@/lib/domain/teams/set-holidays");
    await expect(
      setTeamHolidays({
        db: t.db,
        actor: s.usManager,
        teamId: s.fr.id,
        input: { holidays: ["2026-11-23"] },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setTeamHolidays({
        db: t.db,
        actor: s.frManager,
        teamId: s.fr.id,
        input: { holidays: ["2026-02-30"] },
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(
      await setTeamHolidays({
        db: t.db,
        actor: s.frManager,
        teamId: s.fr.id,
        input: { holidays: ["2026-11-23", "2026-11-23"] },
      }),
    ).toEqual({ teamId: s.fr.id, holidays: ["2026-11-23"] });
    const lead = await assignedMql(t.db, s.frRep, fridayEvening, { total: 150, fitGrade: "A" });
    expect((await openClock(lead.id)).firstTouchDue.toISOString()).toBe("2026-11-24T08:30:00.000Z"); // Tuesday 09:30 Paris
    await setTeamHolidays({ db: t.db, actor: s.admin, teamId: s.fr.id, input: { holidays: [] } });
  });
});

describe("concurrent sweeps and decisions", () => {
  it("two sweeps at once record a breach once; a decision racing a sweep neither deadlocks nor loses anything", async () => {
    const { decideLead } = await import("@/lib/domain/decisions/decide-lead");
    const a = await assignedMql(t.db, s.usRep, fridayEvening, { total: 40, fitGrade: "C" });
    const b = await assignedMql(t.db, s.usRep, fridayEvening, { total: 40, fitGrade: "C" });
    const late = new Date((await openClock(a.id)).firstTouchDue.getTime() + 60_000);
    const [one, two] = await Promise.all([
      sweepBreaches(t.db, late),
      sweepBreaches(t.db, late),
      decideLead({
        db: t.db,
        actor: s.usRep,
        leadId: b.id,
        input: { kind: "disqualify", reasonCode: "duplicate" },
        now: late,
      }),
    ]);
    const forA = [...one.breaches, ...two.breaches].filter((x) => x.leadId === a.id);
    expect(forA).toHaveLength(1);
    expect(
      await t.db.select().from(notifications).where(eq(notifications.leadId, a.id)),
    ).toHaveLength(1);
    const [clockB] = await t.db.select().from(slaClocks).where(eq(slaClocks.leadId, b.id));
    expect(clockB).toMatchObject({ closeReason: "disqualify" });
    expect(clockB.breachedFirstTouchAt).not.toBeNull(); // closed past its deadline: marked by the sweep or on close
  });
});

describe("MQLs without a clock", () => {
  it("an open MQL assigned before clocks existed gets one from its assignment time, and breaches like any other", async () => {
    const lead = await createLead(t.db, { stage: "mql", ownerId: s.frRep.id });
    await t.db.insert(assignments).values({
      leadId: lead.id,
      at: fridayEvening,
      userId: s.frRep.id,
      teamId: s.fr.id,
      reason: "territory_round_robin",
      actorType: "system",
    });
    const now = new Date("2026-11-23T12:00:00Z"); // Monday 13:00 Paris, past Monday 12:30
    const result = await sweepBreaches(t.db, now);
    const clock = await openClock(lead.id);
    expect(clock).toMatchObject({
      userId: s.frRep.id,
      policyName: "Standard",
      startedAt: fridayEvening,
    });
    expect(clock.firstTouchDue.toISOString()).toBe("2026-11-23T11:30:00.000Z");
    expect(result.breaches.filter((b) => b.leadId === lead.id)).toEqual([
      expect.objectContaining({ kind: "first_touch" }),
    ]);
  });
});
