/**
 * The outbox is written in the transaction of the change it reports: a committed change leaves
 * one message and one pending delivery per enabled endpoint subscribed to its type; a rolled-back
 * one leaves nothing; an endpoint that is disabled or not subscribed gets no delivery.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { teamTerritories, webhookDeliveries, webhookMessages } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Principal } from "@/lib/auth/principal";
import { decideLead } from "@/lib/domain/decisions/decide-lead";
import { lockLeadFor } from "@/lib/domain/decisions/lead-access";
import { reassignLead } from "@/lib/domain/decisions/reassign-lead";
import { recordDecision } from "@/lib/domain/decisions/record-decision";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { upsertLeads } from "@/lib/domain/leads/upsert-leads";
import { publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { sweepBreaches } from "@/lib/domain/sla/sweep";
import type { WebhookEventType } from "@/lib/shared/vocabulary";
import { createEndpoint } from "./create-endpoint";
import { emitWebhookEvent } from "./outbox";
import { updateEndpoint } from "./update-endpoint";

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
let admin: Principal;
const ep = { all: "", mqlOnly: "", off: "" };

async function messagesOf(type: string, leadId?: string) {
  return t.db
    .select()
    .from(webhookMessages)
    .where(
      leadId
        ? sql`${webhookMessages.type} = ${type} and ${webhookMessages.leadId} = ${leadId}`
        : eq(webhookMessages.type, type),
    );
}

async function deliveriesOf(messageId: string) {
  return (
    await t.db
      .select({ endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.messageId, messageId))
  )
    .map((d) => `${d.endpointId}:${d.status}`)
    .sort();
}

const countMessages = async () =>
  Number(
    (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from webhook_messages`))[0]
      .n,
  );

const subscribe = async (eventTypes: WebhookEventType[], enabled = true) =>
  (
    await createEndpoint({
      db: t.db,
      principal: admin,
      input: { url: "https://crm.example.com/hooks", eventTypes, enabled },
    })
  ).id;

beforeAll(async () => {
  t = await createTestDb();
  s = await salesTeams(t.db);
  admin = { kind: "user", user: s.admin };
  ep.all = await subscribe([
    "lead.mql",
    "lead.accepted",
    "lead.rejected",
    "lead.reassigned",
    "sla.breached",
    "model.published",
  ]);
  ep.mqlOnly = await subscribe(["lead.mql"]);
  ep.off = await subscribe(["lead.mql", "lead.accepted", "lead.rejected"], false);
});
afterAll(() => t?.close());

describe("the webhook outbox", () => {
  it("writes nothing when a decision is rolled back, one message and its deliveries when it commits", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000));
    const before = await countMessages();
    await expect(
      t.db.transaction(async (tx) => {
        const locked = await lockLeadFor(tx, s.frRep, lead.id);
        await recordDecision(tx, {
          actor: s.frRep,
          lead: locked,
          kind: "reject",
          to: "recycled",
          reasonCode: "not_ready",
          now: new Date(),
        });
        throw new Error("the CRM sync failed");
      }),
    ).rejects.toThrow("the CRM sync failed");
    expect(await countMessages()).toBe(before);

    await decideLead({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: { kind: "reject", reasonCode: "not_ready", note: "Budget next year" },
    });
    const [message] = await messagesOf("lead.rejected", lead.id);
    expect(message.data).toMatchObject({
      lead: { id: lead.id, stage: "recycled", owner: { id: s.frRep.id, name: "Thomas FR" } },
      decision: { by: { id: s.frRep.id, name: "Thomas FR" }, note: "Budget next year" },
      reason: { code: "not_ready", label: "Not ready / timing" },
    });
    // Subscribed and enabled: one delivery; not subscribed (mqlOnly) or disabled (off): none.
    expect(await deliveriesOf(message.id)).toEqual([`${ep.all}:pending`]);
  });

  it("emits lead.accepted with the BANT, and nothing for a type no enabled endpoint wants", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000));
    await decideLead({
      db: t.db,
      actor: s.frRep,
      leadId: lead.id,
      input: {
        kind: "accept",
        bant: { budget: "40 k€", authority: "CTO", need: "PBX", timeframe: "Q1" },
      },
    });
    const [accepted] = await messagesOf("lead.accepted", lead.id);
    expect(accepted.data).toMatchObject({
      lead: { stage: "sal" },
      decision: { bant: { budget: "40 k€", timeframe: "Q1" } },
    });
    const before = await countMessages();
    await decideLead({ db: t.db, actor: s.frRep, leadId: lead.id, input: { kind: "qualify" } });
    expect(await messagesOf("lead.qualified", lead.id)).toEqual([]);
    expect(await countMessages()).toBe(before);
  });

  it("emits lead.mql for each lead the handoff moves, with owner, score, grade and the receipt's top lines", async () => {
    await t.db.insert(teamTerritories).values({ country: "FR", teamId: s.fr.id });
    await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
    await publishDraft(t.db, { actorType: "user", actorId: "t", label: "Test", userId: null });
    await upsertLeads(t.db, [
      {
        email: "thibault@horizon.test",
        firstName: "Thibault",
        lastName: "Marchand",
        jobTitle: "Directeur des achats",
        country: "FR",
        phone: "+33 6 12 34 56 78",
      },
    ]);
    const sent = await ingestEvents(
      t.db,
      [
        { id: "th-1", email: "thibault@horizon.test", name: "Link Clicked", properties: {} },
        { id: "th-2", email: "thibault@horizon.test", name: "Page Viewed", properties: {} },
        {
          id: "th-3",
          email: "thibault@horizon.test",
          name: "Content Downloaded",
          properties: { asset_type: "guide" },
        },
        {
          id: "th-4",
          email: "thibault@horizon.test",
          name: "Question Asked",
          properties: { channel: "social" },
        },
      ],
      { source: "api" },
    );
    expect(sent.accepted).toBe(4);
    const [mql] = await messagesOf("lead.mql");
    const data = mql.data as {
      lead: { name: string; stage: string; owner: { id: string } | null };
      score: { total: number; grade: string; modelVersion: number };
      reasons: { label: string; points: number }[];
    };
    expect(data.lead).toMatchObject({ name: "Thibault Marchand", stage: "mql" });
    expect([s.frRep.id, s.frRep2.id]).toContain(data.lead.owner?.id);
    expect(data.score).toMatchObject({ total: 110, modelVersion: 1 });
    expect(data.score.grade).toMatch(/^[A-D][1-4]$/);
    expect(data.reasons.map((r) => r.points)).toEqual([50, 30, 15]);
    // The lines come from the earnings stored with the score when it was computed.
    const [score] = await queryRows<{ earned: number[] }>(
      t.db,
      sql`select earned from lead_scores join leads on leads.id = lead_scores.lead_id where leads.email = 'thibault@horizon.test'`,
    );
    expect([...score.earned].sort((a, b) => b - a).slice(0, 3)).toEqual([50, 30, 15]);
    expect(await deliveriesOf(mql.id)).toEqual(
      [`${ep.all}:pending`, `${ep.mqlOnly}:pending`].sort(),
    );
  });

  it("emits lead.reassigned on a manager's reassignment and sla.breached from the sweep", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000));
    await reassignLead({
      db: t.db,
      actor: s.frManager,
      leadId: lead.id,
      input: { repId: s.frRep2.id },
    });
    const [moved] = await messagesOf("lead.reassigned", lead.id);
    expect(moved.data).toMatchObject({
      from: { id: s.frRep.id },
      to: { id: s.frRep2.id },
      by: { id: s.frManager.id },
      cause: "manual",
      lead: { owner: { id: s.frRep2.id } },
    });

    const late = await assignedMql(t.db, s.frRep, new Date(Date.now() - 30 * 86_400_000));
    await sweepBreaches(t.db, new Date());
    const breached = await messagesOf("sla.breached", late.id);
    expect(breached.length).toBeGreaterThanOrEqual(1);
    expect(breached[0].data).toMatchObject({
      lead: { id: late.id },
      breach: { kind: "first_touch", rep: { id: s.frRep.id } },
    });
  });

  it("makes model.published a one-line call, and a disabled endpoint turned back on receives again", async () => {
    await updateEndpoint({ db: t.db, principal: admin, id: ep.all, input: { enabled: false } });
    const none = await t.db.transaction((tx) =>
      emitWebhookEvent(tx, {
        type: "model.published",
        data: { version: 7, name: "M", note: "n", mqlThreshold: 50, publishedBy: "Camille" },
      }),
    );
    expect(none).toBe(0);
    await updateEndpoint({ db: t.db, principal: admin, id: ep.all, input: { enabled: true } });
    const queued = await t.db.transaction((tx) =>
      emitWebhookEvent(tx, {
        type: "model.published",
        data: { version: 8, name: "M", note: "n", mqlThreshold: 50, publishedBy: "Camille" },
      }),
    );
    expect(queued).toBe(1);
    const published = await messagesOf("model.published");
    // Version 1 was published earlier in this file: the publish's swap wrote its event.
    expect(published.map((m) => (m.data as { version: number }).version)).toEqual([1, 8]);
    expect(published[0].data).toEqual({
      version: 1,
      name: template("seed-003-telecom").name,
      note: "",
      mqlThreshold: template("seed-003-telecom").mqlThreshold,
      publishedBy: "Test",
    });
  });
});
