/**
 * One bad item never sinks a batch: a NUL character, a lone surrogate or a bad date in one item of
 * POST /api/v1/events, the Segment endpoints, the leads batch or the outcomes batch is reported by
 * its index, and the good items of the same batch are stored (through the real route handlers).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";

vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));

const events = await import("./route");
const segment = await import("../../segment/v1/[type]/route");
const leads = await import("../leads/route");
const outcomes = await import("../outcomes/route");

let t: TestDb;
let eventsKey: string;
let leadsKey: string;

const post = (path: string, body: unknown, key: string) =>
  new Request(`http://accord.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
const noParams = { params: Promise.resolve({}) };

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  eventsKey = (await createApiKey(t.db, { name: "Site", scopes: ["events:write"] }, null)).secret;
  leadsKey = (await createApiKey(t.db, { name: "CRM", scopes: ["leads:write"] }, null)).secret;
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});

const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number }>(t.db, query))[0].n);

describe("bad items in a batch", () => {
  it("POST /api/v1/events stores the 100 good events and reports the NUL, surrogate and bad date by index", async () => {
    const good = Array.from({ length: 100 }, (_, i) => ({
      id: `good-${i}`,
      email: "batch@example.com",
      name: "Page Viewed",
      properties: { n: i },
    }));
    const batch = [
      ...good.slice(0, 40),
      { id: "nul-1", email: "batch@example.com", name: "Bad\u0000Name" },
      ...good.slice(40, 70),
      { id: "sur-1", email: "batch@example.com", name: "x", properties: { note: "a\ud800b" } },
      ...good.slice(70),
      { id: "date-1", email: "batch@example.com", name: "x", occurredAt: "0000-01-01T00:00:00Z" },
    ];
    const answer = await events.POST(post("/api/v1/events", { events: batch }, eventsKey));
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.accepted).toBe(100);
    expect(body.errors).toEqual([
      expect.objectContaining({
        index: 40,
        code: "invalid",
        fields: { name: [expect.stringContaining("NUL")] },
      }),
      expect.objectContaining({
        index: 71,
        fields: { "properties.note": [expect.stringContaining("surrogate")] },
      }),
      expect.objectContaining({ index: 102, fields: { occurredAt: [expect.any(String)] } }),
    ]);
    expect(
      await count(sql`select count(*)::int as n from events where external_id like 'good-%'`),
    ).toBe(100);
  });

  it("the Segment batch stores the good messages and reports a NUL messageId and a surrogate trait by index", async () => {
    const answer = await segment.POST(
      post(
        "/api/segment/v1/batch",
        {
          batch: [
            { type: "identify", userId: "seg-1", traits: { email: "seg1@example.com" } },
            {
              type: "identify",
              userId: "seg-2",
              traits: { email: "seg2@example.com", firstName: "\ud800" },
            },
            { type: "track", userId: "seg-1", event: "Signed Up", messageId: "m-1" },
            { type: "track", userId: "seg-1", event: "Signed Up", messageId: "m-\u0000" },
          ],
        },
        eventsKey,
      ),
      { params: Promise.resolve({ type: "batch" }) },
    );
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({ success: true, identified: 1, accepted: 1 });
    expect(body.errors).toEqual([
      expect.objectContaining({
        index: 1,
        fields: { firstName: [expect.stringContaining("surrogate")] },
      }),
      expect.objectContaining({ index: 3, fields: { id: [expect.stringContaining("NUL")] } }),
    ]);
    expect(
      await count(sql`select count(*)::int as n from leads where email like 'seg%@example.com'`),
    ).toBe(1);
  });

  it("a single Segment identify with a NUL answers 200 with the error, never 500", async () => {
    const answer = await segment.POST(
      post("/api/segment/v1/identify", { userId: "n\u0000ul", traits: {} }, eventsKey),
      { params: Promise.resolve({ type: "identify" }) },
    );
    expect(answer.status).toBe(200);
    expect((await answer.json()).errors[0]).toMatchObject({ index: 0, code: "invalid" });
  });

  it("the leads batch saves the good leads; a single lead with a NUL answers 400 naming the field", async () => {
    const answer = await leads.POST(
      post(
        "/api/v1/leads",
        {
          leads: [
            { email: "lead-a@example.com", company: "Good" },
            { email: "lead-b@example.com", company: "Bad\u0000" },
            { email: "lead-c@example.com", lastName: "\udfff" },
            { email: "lead-d@example.com", createdAt: "0000-01-01" },
          ],
        },
        leadsKey,
      ),
      noParams,
    );
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.created).toBe(1);
    expect(
      body.errors.map((e: { index: number; fields: object }) => [e.index, Object.keys(e.fields)]),
    ).toEqual([
      [1, ["company"]],
      [2, ["lastName"]],
      [3, ["createdAt"]],
    ]);
    const single = await leads.POST(
      post("/api/v1/leads", { email: "x@example.com", company: "\u0000" }, leadsKey),
      noParams,
    );
    expect(single.status).toBe(400);
    expect((await single.json()).error.fields).toHaveProperty("company");
    expect(await count(sql`select count(*)::int as n from leads where email like 'lead-%'`)).toBe(
      1,
    );
  });

  it("the outcomes batch records the good outcome and reports the NUL note by index", async () => {
    const answer = await outcomes.POST(
      post(
        "/api/v1/outcomes",
        {
          outcomes: [
            { lead: { email: "lead-a@example.com" }, stage: "accepted" },
            { lead: { email: "lead-a@example.com" }, stage: "lost", note: "gone\u0000" },
            {
              lead: { email: "lead-a@example.com" },
              stage: "opportunity",
              at: "9999-12-31T00:00:00Z",
            },
          ],
        },
        leadsKey,
      ),
      noParams,
    );
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.data.recorded).toBe(1);
    expect(body.data.errors.map((e: { index: number }) => e.index)).toEqual([1, 2]);
    expect(body.data.errors[0].fields).toHaveProperty("note");
  });
});
