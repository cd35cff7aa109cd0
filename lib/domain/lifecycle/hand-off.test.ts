import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTeam, createUser } from "@/db/factories";
import { assignments, leadTransitions, leads, teamTerritories } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { upsertLeads } from "@/lib/domain/leads/upsert-leads";
import { publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { getActiveModel, saveDraft } from "@/lib/domain/scoring/versions";
import { handOff } from "./hand-off";

let t: TestDb;
const team: Record<string, string> = {};
const reps: Record<string, string> = {};
const thibaultEvents = (email: string, prefix: string) => [
  { id: `${prefix}-1`, email, name: "Link Clicked", properties: { channel: "linkedin" } },
  { id: `${prefix}-2`, email, name: "Page Viewed", properties: { path: "/product" } },
  { id: `${prefix}-3`, email, name: "Content Downloaded", properties: { asset_type: "guide" } },
  { id: `${prefix}-4`, email, name: "Question Asked", properties: { channel: "social" } },
];
const leadBy = async (email: string) =>
  (await t.db.select().from(leads).where(eq(leads.email, email)))[0];
const transitionsOf = (id: string) =>
  t.db.select().from(leadTransitions).where(eq(leadTransitions.leadId, id));

beforeAll(async () => {
  t = await createTestDb();
  team.fr = (await createTeam(t.db, "FR")).id;
  team.us = (await createTeam(t.db, "US")).id;
  await t.db.insert(teamTerritories).values([
    { country: "FR", teamId: team.fr },
    { country: "US", teamId: team.us },
  ]);
  reps.fr1 = (await createUser(t.db, { role: "rep", teamId: team.fr, name: "Fr One" })).id;
  reps.fr2 = (await createUser(t.db, { role: "rep", teamId: team.fr, name: "Fr Two" })).id;
  reps.us1 = (
    await createUser(t.db, { role: "rep", teamId: team.us, name: "Us One", capacity: 1 })
  ).id;
  await createUser(t.db, { role: "manager", teamId: team.fr, name: "Manager" });
  await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
  await publishDraft(t.db, { actorType: "user", actorId: "t", label: "Test", userId: null });
});
afterAll(() => t?.close());

describe("handing MQLs over", () => {
  it("makes Thibault (110 points, email and phone, FR) an MQL owned by a rep of the FR team, with a recorded transition", async () => {
    await upsertLeads(t.db, [
      {
        email: "thibault@horizon.test",
        firstName: "Thibault",
        jobTitle: "Directeur des achats",
        country: "FR",
        phone: "+33 6 12 34 56 78",
      },
    ]);
    await ingestEvents(t.db, thibaultEvents("thibault@horizon.test", "th"), { source: "api" });
    const lead = await leadBy("thibault@horizon.test");
    expect(lead.stage).toBe("mql");
    expect([reps.fr1, reps.fr2]).toContain(lead.ownerId);
    const [transition] = await transitionsOf(lead.id);
    expect(transition).toMatchObject({
      fromStage: "lead",
      toStage: "mql",
      actorType: "system",
      reason: "threshold_reached",
      scoreTotal: 110,
      modelVersion: 1,
    });
    const [assignment] = await t.db
      .select()
      .from(assignments)
      .where(eq(assignments.leadId, lead.id));
    expect(assignment).toMatchObject({
      userId: lead.ownerId,
      teamId: team.fr,
      reason: "territory_round_robin",
    });
  });

  it("never hands over a student, whatever the score", async () => {
    await upsertLeads(t.db, [
      { email: "student@univ.test", jobTitle: "Student", country: "FR", phone: "+33 6 00" },
    ]);
    await ingestEvents(
      t.db,
      [
        ...thibaultEvents("student@univ.test", "st"),
        ...thibaultEvents("student@univ.test", "st2").map((e) => ({
          ...e,
          name: "Newsletter Subscribed",
        })),
      ],
      { source: "api" },
    );
    const lead = await leadBy("student@univ.test");
    expect(lead.stage).toBe("lead");
    expect(await transitionsOf(lead.id)).toEqual([]);
  });

  it("waits for the phone: no handoff without it, handoff as soon as identify brings it", async () => {
    await upsertLeads(t.db, [{ email: "nophone@acme.test", jobTitle: "CTO", country: "FR" }]);
    await ingestEvents(t.db, thibaultEvents("nophone@acme.test", "np"), { source: "api" });
    expect((await leadBy("nophone@acme.test")).stage).toBe("lead");
    await upsertLeads(t.db, [{ email: "nophone@acme.test", phone: "+33 6 99" }]);
    const lead = await leadBy("nophone@acme.test");
    expect(lead.stage).toBe("mql");
    expect(lead.ownerId).not.toBeNull();
  });

  it("hands over once: more events later do not record another handoff, and a lead that falls back stays with sales", async () => {
    const lead = await leadBy("thibault@horizon.test");
    await ingestEvents(
      t.db,
      [{ id: "th-extra", email: "thibault@horizon.test", name: "Email Opened" }],
      { source: "api" },
    );
    expect(await transitionsOf(lead.id)).toHaveLength(1);
    const model = template("seed-003-telecom");
    model.mqlThreshold = 500;
    await saveDraft(t.db, model as never, { userId: null, label: "Test" });
    await publishDraft(t.db, { actorType: "user", actorId: "t", label: "Test", userId: null });
    expect(await leadBy("thibault@horizon.test")).toMatchObject({
      stage: "mql",
      ownerId: lead.ownerId,
    });
  });

  it("leaves an MQL unassigned when its team is full or no team covers the country", async () => {
    await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
    await publishDraft(t.db, { actorType: "user", actorId: "t", label: "Test", userId: null });
    for (const [email, country] of [
      ["us1@x.test", "US"],
      ["us2@x.test", "US"],
      ["jp@x.test", "JP"],
    ]) {
      await upsertLeads(t.db, [{ email, jobTitle: "CTO", country, phone: "+1 555" }]);
      await ingestEvents(t.db, thibaultEvents(email, email), { source: "api" });
    }
    expect(await leadBy("us1@x.test")).toMatchObject({ stage: "mql", ownerId: reps.us1 });
    expect(await leadBy("us2@x.test")).toMatchObject({ stage: "mql", ownerId: null });
    expect(await leadBy("jp@x.test")).toMatchObject({ stage: "mql", ownerId: null });
    const reasons = await queryRows<{ reason: string }>(
      t.db,
      sql`select a.reason from assignments a join leads l on l.id = a.lead_id where l.email in ('us2@x.test', 'jp@x.test') order by l.email`,
    );
    expect(reasons.map((r) => r.reason)).toEqual(["no_territory", "team_full"]);
  });

  it("never brings back a disqualified lead; a recycled one after the cool-down with new engagement", async () => {
    const active = (await getActiveModel(t.db))!;
    await upsertLeads(t.db, [
      { email: "dq@x.test", jobTitle: "CTO", country: "FR", phone: "+33 6" },
      { email: "rc@x.test", jobTitle: "CTO", country: "FR", phone: "+33 6" },
    ]);
    const dq = await leadBy("dq@x.test");
    const rc = await leadBy("rc@x.test");
    await t.db.update(leads).set({ stage: "disqualified" }).where(eq(leads.id, dq.id));
    await t.db.update(leads).set({ stage: "recycled" }).where(eq(leads.id, rc.id));
    const recycledAt = new Date(Date.now() - 40 * 86_400_000);
    await t.db.insert(leadTransitions).values({
      leadId: rc.id,
      at: recycledAt,
      fromStage: "mql",
      toStage: "recycled",
      actorType: "user",
      reason: "rejected",
      scoreEngagement: 100,
    });
    await ingestEvents(
      t.db,
      [...thibaultEvents("dq@x.test", "dq"), ...thibaultEvents("rc@x.test", "rc")],
      { source: "api" },
    );
    expect((await leadBy("dq@x.test")).stage).toBe("disqualified");
    // 110 engagement now, 100 at recycling: +10 is the minimum (default recycle settings) → qualifies.
    expect(active.model.recycle).toEqual({ cooldownDays: 30, minNewEngagement: 10 });
    expect((await leadBy("rc@x.test")).stage).toBe("mql");
  });

  it("hands a lead over once when two transactions race for it", async () => {
    await upsertLeads(t.db, [
      { email: "race@x.test", jobTitle: "CTO", country: "FR", phone: "+33 6" },
    ]);
    const lead = await leadBy("race@x.test");
    const active = (await getActiveModel(t.db))!;
    await t.db
      .execute(sql`insert into lead_scores (lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band, as_of, recorded_total)
      values (${lead.id}, ${active.version}, 150, 0, 150, 'D', 1, 'hot', now(), 150)
      on conflict (lead_id) do update set total = 150, engagement = 150`);
    const race = () =>
      t.db.transaction(async (tx) => {
        const result = await handOff(tx, {
          model: active.model,
          version: active.version,
          now: new Date(),
          leadIds: [lead.id],
        });
        await new Promise((r) => setTimeout(r, 150));
        return result.handedOver;
      });
    const results = await Promise.all([race(), race()]);
    expect(results.sort()).toEqual([0, 1]);
    expect(
      await t.db
        .select()
        .from(leadTransitions)
        .where(and(eq(leadTransitions.leadId, lead.id), eq(leadTransitions.toStage, "mql"))),
    ).toHaveLength(1);
    expect(
      await t.db.select().from(assignments).where(eq(assignments.leadId, lead.id)),
    ).toHaveLength(1);
  });
});
