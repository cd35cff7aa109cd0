/** POST /api/v1/outcomes end to end, with an API key or a session (the session lookup is mocked). */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createLead, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { listTransitions } from "@/lib/domain/lifecycle/lead-lifecycle";
import { outcomesResponseSchema } from "@/lib/domain/outcomes/outcome-schemas";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const route = await import("./route");
const leadsRoute = await import("../leads/route");

let t: TestDb;
let writeKey: string;
let readKey: string;
const ctx = { params: Promise.resolve({}) };
const post = (body: unknown, secret?: string) =>
  new Request("http://accord.test/api/v1/outcomes", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  writeKey = (await createApiKey(t.db, { name: "CRM", scopes: ["leads:write"] }, null)).secret;
  readKey = (await createApiKey(t.db, { name: "BI", scopes: ["leads:read"] }, null)).secret;
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => (session.actor = null));

describe("POST /api/v1/outcomes", () => {
  it("401 without a key or session, 403 without the leads:write scope or permission", async () => {
    const body = { outcomes: [{ lead: { externalId: "x" }, stage: "customer" }] };
    expect((await route.POST(post(body), ctx)).status).toBe(401);
    expect(
      (await route.POST(post(body, "acc_000000000000_notarealsecretnotarealsecret"), ctx)).status,
    ).toBe(401);
    expect((await route.POST(post(body, readKey), ctx)).status).toBe(403);
    session.actor = actorOf(await createUser(t.db, { role: "rep", name: "Rep" }));
    expect((await route.POST(post(body), ctx)).status).toBe(403);
  });

  it("400 for a malformed body or a batch where every item is refused; 413 beyond 1,000 items", async () => {
    expect((await route.POST(post({ leads: [] }), ctx)).status).toBe(401);
    expect((await route.POST(post({ leads: [] }, writeKey), ctx)).status).toBe(400);
    const tooMany = {
      outcomes: Array.from({ length: 1001 }, () => ({
        lead: { externalId: "x" },
        stage: "customer",
      })),
    };
    expect((await route.POST(post(tooMany, writeKey), ctx)).status).toBe(413);
    const refused = await route.POST(
      post(
        {
          outcomes: [{ lead: { externalId: "nobody" }, stage: "customer" }, { stage: "customer" }],
        },
        writeKey,
      ),
      ctx,
    );
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(outcomesResponseSchema.parse(body).data).toMatchObject({
      recorded: 0,
      skipped: 0,
      errors: [{ index: 0, message: "No lead with external id nobody." }, { index: 1 }],
    });
    expect(body.error.code).toBe("validation_failed");
  });

  it("200 with a mixed batch: good items stored under the key, bad ones reported by index", async () => {
    const lead = await createLead(t.db, { stage: "mql", externalId: "crm:7" });
    const response = await route.POST(
      post(
        {
          outcomes: [
            { lead: { externalId: "crm:7" }, stage: "customer", at: "2026-01-15T10:00:00Z" },
            { lead: { externalId: "crm:8" }, stage: "customer" },
            { lead: { externalId: "crm:7" }, stage: "customer" },
          ],
        },
        writeKey,
      ),
      ctx,
    );
    expect(response.status).toBe(200);
    expect(outcomesResponseSchema.parse(await response.json()).data).toEqual({
      recorded: 1,
      skipped: 1,
      errors: [{ index: 1, message: "No lead with external id crm:8." }],
    });
    const won = (await listTransitions(t.db, lead.id)).at(-1);
    expect(won).toMatchObject({
      from: "mql",
      to: "customer",
      reason: "crm_won",
      actor: { type: "api_key" },
      at: "2026-01-15T10:00:00.000Z",
    });

    session.actor = actorOf(await createUser(t.db, { role: "marketer", name: "Marketer" }));
    const replay = await route.POST(
      post({ outcomes: [{ lead: { externalId: "crm:7" }, stage: "customer" }] }),
      ctx,
    );
    expect(replay.status).toBe(200);
    expect((await replay.json()).data).toEqual({ recorded: 0, skipped: 1, errors: [] });
  });

  it("records a dated history with every stage; bad items (missing reason, unknown stage) are reported by index", async () => {
    await createLead(t.db, { stage: "lead", email: "hist@example.test" });
    const lead = { email: "hist@example.test" };
    const outcomes = [
      { lead, stage: "handed_over", at: "2024-05-01T08:00:00Z" },
      { lead, stage: "accepted", at: "2024-05-02T08:00:00Z" },
      { lead, stage: "qualified", at: "2024-05-03T08:00:00Z" },
      { lead, stage: "rejected", at: "2024-05-04T08:00:00Z" },
      { lead, stage: "opportunity", at: "2024-06-01T08:00:00Z" },
      { lead, stage: "lost", at: "2024-07-01T08:00:00Z" },
      { lead, stage: "closed", at: "2024-07-01T08:00:00Z" },
    ];
    const first = await route.POST(post({ outcomes }, writeKey), ctx);
    expect(first.status).toBe(200);
    const data = outcomesResponseSchema.parse(await first.json()).data;
    expect(data.recorded).toBe(5);
    expect(data.errors.map((e) => [e.index, Object.keys(e.fields ?? {})])).toEqual([
      [3, ["reasonCode"]],
      [6, ["stage"]],
    ]);
    const again = await route.POST(post({ outcomes: outcomes.slice(0, 6) }, writeKey), ctx);
    expect((await again.json()).data).toMatchObject({ recorded: 0, skipped: 5 });
  });
});

describe("POST /api/v1/leads with createdAt", () => {
  const postLeads = (body: unknown) =>
    new Request("http://accord.test/api/v1/leads", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${writeKey}` },
      body: JSON.stringify(body),
    });

  it("creates a lead at its date, never in the future; year 0 is a 400 naming createdAt", async () => {
    const created = await leadsRoute.POST(
      postLeads({ email: "old@example.test", createdAt: "2024-03-15T09:30:00Z" }),
      ctx,
    );
    expect(created.status).toBe(201);
    const [row] = await queryRows<{ created: string }>(
      t.db,
      sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created from leads where email = 'old@example.test'`,
    );
    expect(row.created).toBe("2024-03-15");

    for (const createdAt of ["0000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "15/03/2024"]) {
      const refused = await leadsRoute.POST(
        postLeads({ email: "bad@example.test", createdAt }),
        ctx,
      );
      expect(refused.status).toBe(400);
      expect(Object.keys((await refused.json()).error.fields)).toEqual(["createdAt"]);
    }
    const batch = await leadsRoute.POST(
      postLeads({
        leads: [
          { email: "b1@example.test", createdAt: "2024-01-02" },
          { email: "b2@example.test", createdAt: "2999-01-01T00:00:00Z" },
        ],
      }),
      ctx,
    );
    expect(batch.status).toBe(200);
    const body = await batch.json();
    expect(body.created).toBe(1);
    expect(body.errors).toMatchObject([
      { index: 1, fields: { createdAt: ["createdAt is in the future."] } },
    ]);
  });
});
