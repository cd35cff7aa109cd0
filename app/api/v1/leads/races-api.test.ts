/**
 * Races resolve, never 500: clients creating the same thing at once (the same new lead, the same
 * Segment identify, batches of the same new leads) all succeed on the one row the winner created;
 * two people adding the same reason code get 201 once and 409 otherwise. Meant for PostgreSQL
 * (DATABASE_URL), where the requests really run at once; on PGlite they queue and must agree too.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { actorOf, type Actor } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const leads = await import("./route");
const segment = await import("../../segment/v1/[type]/route");
const reasons = await import("../reasons/route");

let t: TestDb;
let leadsKey: string;
let eventsKey: string;

const post = (path: string, body: unknown, key?: string) =>
  new Request(`http://accord.test${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
const noParams = { params: Promise.resolve({}) };
const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number }>(t.db, query))[0].n);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  leadsKey = (await createApiKey(t.db, { name: "CRM", scopes: ["leads:write"] }, null)).secret;
  eventsKey = (await createApiKey(t.db, { name: "Site", scopes: ["events:write"] }, null)).secret;
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});

describe("races", () => {
  it("the same new lead upserted by 10 clients at once: one lead, every answer 200/201", async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        leads.POST(
          post("/api/v1/leads", { email: "race@example.com", jobTitle: `T${i}` }, leadsKey),
          noParams,
        ),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()).data.id)));
    expect(ids.size).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from leads where email = 'race@example.com'`),
    ).toBe(1);
  });

  it("the same Segment identify from 8 clients: 200 each, one lead", async () => {
    const message = { userId: "seg-race", traits: { email: "seg-race@example.com", plan: "pro" } };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        segment.POST(post("/api/segment/v1/identify", message, eventsKey), {
          params: Promise.resolve({ type: "identify" }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    for (const a of answers) expect(await a.json()).toMatchObject({ identified: 1, errors: [] });
    expect(
      await count(sql`select count(*)::int as n from leads where external_id = 'seg-race'`),
    ).toBe(1);
  });

  it("6 batches creating the same 20 leads: 200 each, 20 leads", async () => {
    const batch = Array.from({ length: 20 }, (_, i) => ({ email: `same-${i}@example.com` }));
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, b) =>
        leads.POST(
          post("/api/v1/leads", { leads: b % 2 ? [...batch].reverse() : batch }, leadsKey),
          noParams,
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.reduce((n, b) => n + b.created, 0)).toBe(20);
    expect(bodies.every((b) => b.errors.length === 0 && b.data.length === 20)).toBe(true);
    expect(await count(sql`select count(*)::int as n from leads where email like 'same-%'`)).toBe(
      20,
    );
  });

  it("a lead found by email keeps its own external id when another lead holds the one sent (no 500)", async () => {
    await leads.POST(post("/api/v1/leads", { externalId: "holder" }, leadsKey), noParams);
    await leads.POST(post("/api/v1/leads", { email: "byemail@example.com" }, leadsKey), noParams);
    const answer = await leads.POST(
      post("/api/v1/leads", { email: "byemail@example.com", externalId: "holder" }, leadsKey),
      noParams,
    );
    expect(answer.status).toBe(200);
  });

  it("the same reason code from 5 people at once: 201 once, 409 for the others", async () => {
    session.actor = actorOf(await createUser(t.db, { role: "admin", name: "Admin" }));
    const body = { kind: "reject", code: "race_code", labels: { en: "Race", fr: "Course" } };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => reasons.POST(post("/api/v1/reasons", body), noParams)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const refused = await Promise.all(answers.filter((a) => a.status === 409).map((a) => a.json()));
    for (const r of refused)
      expect(r.error).toMatchObject({
        code: "conflict",
        fields: { code: [expect.stringContaining("race_code")] },
      });
    expect(await count(sql`select count(*)::int as n from reasons where code = 'race_code'`)).toBe(
      1,
    );
  });
});
