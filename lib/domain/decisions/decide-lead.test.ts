import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, decisions, leadTransitions, leads, slaClocks } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { updateReason } from "@/lib/domain/reasons/save-reason";
import { listReasons } from "@/lib/domain/reasons/list-reasons";
import { decideLead } from "./decide-lead";
import { logTouch } from "./log-touch";
import { assignedMql, countRows, salesTeams } from "./test-setup";

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
const handoff = new Date("2026-11-23T09:00:00Z");
const later = new Date("2026-11-23T10:00:00Z");
const bant = {
  budget: "40 k€ this year",
  authority: "CTO signs",
  need: "Replace the legacy PBX",
  timeframe: "Q1",
};
const stageOf = async (id: string) =>
  (await t.db.select().from(leads).where(eq(leads.id, id)))[0].stage;
const transitionsOf = (id: string) =>
  t.db
    .select()
    .from(leadTransitions)
    .where(eq(leadTransitions.leadId, id))
    .orderBy(leadTransitions.id);

beforeAll(async () => {
  t = await createTestDb();
  s = await salesTeams(t.db);
});
afterAll(() => t?.close());

describe("decisions on a lead", () => {
  it("accept needs BANT, moves MQL → SAL with the score and model version of that moment, audits it and stops the clock", async () => {
    const lead = await assignedMql(t.db, s.frRep, handoff, { total: 87, modelVersion: 4 });
    await expect(
      decideLead({
        db: t.db,
        actor: s.frRep,
        leadId: lead.id,
        input: { kind: "accept", bant: { ...bant, need: " " } },
        now: later,
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: { "bant.need": [expect.any(String)] },
    });
    const result = await decideLead({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { kind: "accept", bant, note: "Good call" },
      now: later,
    });
    expect(result).toMatchObject({
      stage: "sal",
      decision: { kind: "accept", bant, score: { total: 87 }, modelVersion: 4, userId: s.frRep.id },
    });
    expect(await stageOf(lead.id)).toBe("sal");
    expect((await transitionsOf(lead.id)).at(-1)).toMatchObject({
      fromStage: "mql",
      toStage: "sal",
      reason: "accepted",
      actorType: "user",
      actorId: s.frRep.id,
      scoreTotal: 87,
      modelVersion: 4,
      note: "Good call",
    });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.targetId, lead.id))).toEqual([
      expect.objectContaining({ action: "lead.accepted", actorId: s.frRep.id }),
    ]);
    const [clock] = await t.db.select().from(slaClocks).where(eq(slaClocks.leadId, lead.id));
    expect(clock).toMatchObject({ closeReason: "accept", breachedFirstTouchAt: null });

    await expect(
      decideLead({
        db: t.db,
        actor: s.frRep,
        leadId: lead.id,
        input: { kind: "accept", bant },
        now: later,
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Only a lead at MQL can be accepted"),
    });
    const qualified = await decideLead({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { kind: "qualify" },
      now: later,
    });
    expect(qualified.stage).toBe("sql");
    expect((await transitionsOf(lead.id)).at(-1)).toMatchObject({
      fromStage: "sal",
      toStage: "sql",
      reason: "qualified",
      scoreTotal: 87,
      modelVersion: 4,
    });
  });

  it("cannot qualify an MQL that was not accepted", async () => {
    const lead = await assignedMql(t.db, s.frRep, handoff);
    await expect(
      decideLead({
        db: t.db,
        actor: s.frRep,
        leadId: lead.id,
        input: { kind: "qualify" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await stageOf(lead.id)).toBe("mql");
  });

  it("reject recycles the lead with a reason from the active list; an unknown or archived reason is refused", async () => {
    const lead = await assignedMql(t.db, s.frRep, handoff);
    await expect(
      decideLead({
        db: t.db,
        actor: s.frRep,
        leadId: lead.id,
        input: { kind: "reject", reasonCode: "student" },
        now: later,
      }),
    ).rejects.toMatchObject({
      code: "unprocessable",
      fields: { reasonCode: [expect.any(String)] },
    });
    const noProject = (await listReasons(t.db, { kind: "reject" })).find(
      (r) => r.code === "no_project",
    )!;
    await updateReason({ db: t.db, actor: s.admin, id: noProject.id, input: { archived: true } });
    await expect(
      decideLead({
        db: t.db,
        actor: s.frRep,
        leadId: lead.id,
        input: { kind: "reject", reasonCode: "no_project" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await updateReason({ db: t.db, actor: s.admin, id: noProject.id, input: { archived: false } });
    const result = await decideLead({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { kind: "reject", reasonCode: "not_ready", note: "Budget next year" },
      now: later,
    });
    expect(result).toMatchObject({
      stage: "recycled",
      decision: { kind: "reject", reasonCode: "not_ready" },
    });
    expect((await transitionsOf(lead.id)).at(-1)).toMatchObject({
      fromStage: "mql",
      toStage: "recycled",
      reason: "rejected",
      data: expect.objectContaining({ reasonCode: "not_ready" }),
    });
  });

  it("refuses “no response” until the tier's minimum touches are logged (3 within 5 business days)", async () => {
    const lead = await assignedMql(t.db, s.frRep, handoff);
    await logTouch({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { channel: "call", outcome: "no_answer" },
      now: later,
    });
    const refused = decideLead({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { kind: "reject", reasonCode: "no_response" },
      now: later,
    });
    await expect(refused).rejects.toMatchObject({
      code: "unprocessable",
      message:
        "“No response” needs at least 3 touch attempts within 5 business days; 1 logged so far.",
    });
    expect(await stageOf(lead.id)).toBe("mql");
    await logTouch({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { channel: "email", outcome: "no_answer" },
      now: later,
    });
    await logTouch({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { channel: "linkedin", outcome: "no_answer" },
      now: later,
    });
    const result = await decideLead({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { kind: "reject", reasonCode: "no_response" },
      now: later,
    });
    expect(result.stage).toBe("recycled");
  });

  it("disqualify with a reason from the disqualify list", async () => {
    const lead = await assignedMql(t.db, s.usRep, handoff, { total: 30 });
    const result = await decideLead({
      db: t.db,
      actor: s.usRep,
      leadId: lead.id,
      input: { kind: "disqualify", reasonCode: "student" },
      now: later,
    });
    expect(result).toMatchObject({
      stage: "disqualified",
      decision: { reasonCode: "student", score: { total: 30 } },
    });
    expect((await transitionsOf(lead.id)).at(-1)).toMatchObject({
      toStage: "disqualified",
      reason: "disqualified",
      data: expect.objectContaining({ reasonCode: "student" }),
    });
  });
});

describe("who may decide", () => {
  it("another rep gets not-found, and nothing changes", async () => {
    const lead = await assignedMql(t.db, s.frRep, handoff);
    const before = await Promise.all(
      (["decisions", "touches", "lead_transitions", "audit_log"] as const).map((table) =>
        countRows(t.db, table, lead.id),
      ),
    );
    for (const input of [
      { kind: "accept", bant },
      { kind: "reject", reasonCode: "not_ready" },
      { kind: "disqualify", reasonCode: "spam" },
    ]) {
      await expect(
        decideLead({ db: t.db, actor: s.frRep2, leadId: lead.id, input, now: later }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(
      logTouch({
        db: t.db,
        actor: s.usRep,
        leadId: lead.id,
        input: { channel: "call", outcome: "connected" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      decideLead({
        db: t.db,
        actor: s.frRep2,
        leadId: "not-a-uuid",
        input: { kind: "qualify" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await stageOf(lead.id)).toBe("mql");
    const after = await Promise.all(
      (["decisions", "touches", "lead_transitions", "audit_log"] as const).map((table) =>
        countRows(t.db, table, lead.id),
      ),
    );
    expect(after).toEqual(before);
  });

  it("a marketer is forbidden; a manager decides on their team's leads only", async () => {
    const lead = await assignedMql(t.db, s.frRep, handoff);
    await expect(
      decideLead({
        db: t.db,
        actor: s.marketer,
        leadId: lead.id,
        input: { kind: "disqualify", reasonCode: "spam" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      logTouch({
        db: t.db,
        actor: s.marketer,
        leadId: lead.id,
        input: { channel: "call", outcome: "connected" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      decideLead({
        db: t.db,
        actor: s.usManager,
        leadId: lead.id,
        input: { kind: "disqualify", reasonCode: "spam" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const result = await decideLead({
      db: t.db,
      actor: s.frManager,
      leadId: lead.id,
      input: { kind: "disqualify", reasonCode: "spam" },
      now: later,
    });
    expect(result.decision.userId).toBe(s.frManager.id);
    expect(await t.db.select().from(decisions).where(eq(decisions.leadId, lead.id))).toHaveLength(
      1,
    );
  });

  it("two decisions racing on one lead: one wins, the other sees the new stage", async () => {
    const lead = await assignedMql(t.db, s.frRep, handoff);
    const results = await Promise.allSettled([
      decideLead({
        db: t.db,
        actor: s.frRep,
        leadId: lead.id,
        input: { kind: "accept", bant },
        now: later,
      }),
      decideLead({
        db: t.db,
        actor: s.frManager,
        leadId: lead.id,
        input: { kind: "accept", bant },
        now: later,
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: expect.objectContaining({ code: "conflict" }),
    });
    expect(await t.db.select().from(decisions).where(eq(decisions.leadId, lead.id))).toHaveLength(
      1,
    );
  });
});
