import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createLead } from "@/db/factories";
import { events, leads } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { getLeadScore } from "@/lib/domain/scoring/lead-score";
import { publishDraft } from "@/lib/domain/scoring/publish";
import type { EventRule } from "@/lib/domain/scoring/model";
import { template } from "@/lib/domain/scoring/templates";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { ingestEvents } from "./ingest-events";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const model = template("seed-003-telecom");
  (model.rules.find((r) => r.id === "open") as EventRule).maxCount = null; // every open counts: easy to see concurrency losses
  await saveDraft(t.db, model as never, { userId: null, label: "Test" });
  await publishDraft(t.db, { actorType: "user", actorId: "t", label: "Test", userId: null });
});
afterAll(() => t?.close());

describe("event ingestion", () => {
  it("stores the good events of a batch and reports each bad one by index", async () => {
    const known = await createLead(t.db, { email: "known@acme.test" });
    const result = await ingestEvents(
      t.db,
      [
        { id: "a1", email: "Known@Acme.test", name: "Email Opened" },
        { id: "a2", name: "Email Opened" },
        { email: "known@acme.test", name: "Email Opened" },
        { id: "a4", email: "not-an-email", name: "Email Opened" },
        { id: "a5", leadId: "00000000-0000-4000-8000-000000000000", name: "Email Opened" },
        { id: "a6", email: "known@acme.test", name: "Email Opened", occurredAt: "yesterday" },
        "not an object",
        { id: "a1", email: "known@acme.test", name: "Email Opened" },
        { id: "a9", leadId: known.id, name: "Page Viewed", properties: { path: "/pricing" } },
      ],
      { source: "api" },
    );
    expect(result.accepted).toBe(2);
    expect(result.duplicates).toBe(1);
    expect(result.errors.map((e) => [e.index, e.code, e.message])).toEqual([
      [1, "invalid", "Name the lead with leadId, email or userId."],
      [2, "invalid", "Give every event an id (its idempotency key)."],
      [3, "invalid", "Not a valid email address."],
      [4, "unknown_lead", "No lead has id 00000000-0000-4000-8000-000000000000."],
      [5, "invalid", "occurredAt must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z."],
      [6, "invalid", "Invalid input: expected object, received string"],
    ]);
    expect(await getLeadScore(t.db, known.id)).toMatchObject({ total: 25, engagement: 25 });
  });

  it("creates leads for unknown emails and user ids", async () => {
    const result = await ingestEvents(
      t.db,
      [
        { id: "n1", email: "new@acme.test", userId: "crm-1", name: "Email Opened" },
        { id: "n2", userId: "crm-2", name: "Email Opened" },
        { id: "n3", userId: "crm-2", name: "Email Opened" },
      ],
      { source: "segment" },
    );
    expect(result).toMatchObject({ accepted: 3, errors: [] });
    const [byEmail] = await t.db.select().from(leads).where(eq(leads.email, "new@acme.test"));
    expect(byEmail).toMatchObject({ externalId: "crm-1", source: "segment", stage: "lead" });
    const [byUser] = await t.db.select().from(leads).where(eq(leads.externalId, "crm-2"));
    expect(await getLeadScore(t.db, byUser.id)).toMatchObject({ total: 20 });
  });

  it("loses no event when concurrent batches hit the same lead", async () => {
    const lead = await createLead(t.db, { email: "busy@acme.test" });
    const batches = Array.from({ length: 8 }, (_, b) =>
      ingestEvents(
        t.db,
        Array.from({ length: 5 }, (_, i) => ({
          id: `busy-${b}-${i}`,
          leadId: lead.id,
          name: "Email Opened",
        })),
        { source: "api" },
      ),
    );
    const results = await Promise.all(batches);
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(40);
    const [count] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${events} where lead_id = ${lead.id}`,
    );
    expect(count.n).toBe(40);
    expect((await getLeadScore(t.db, lead.id))!.total).toBe(400);
  });

  it("treats the same id sent concurrently as one event", async () => {
    const lead = await createLead(t.db, { email: "twice@acme.test" });
    const send = () =>
      ingestEvents(t.db, [{ id: "same-id", leadId: lead.id, name: "Email Opened" }], {
        source: "api",
      });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.accepted + b.accepted).toBe(1);
    expect(a.duplicates + b.duplicates).toBe(1);
    expect((await getLeadScore(t.db, lead.id))!.total).toBe(10);
  });
});
