/**
 * Numbers and dates beyond what the columns hold, and forged cursors, answer 400 (or 404 for an
 * address) naming the field — never a 500 from PostgreSQL. Through the real route handlers; the
 * session lookup is the one thing swapped in.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createLead, createTeam, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { actorOf, type Actor } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const reasonsRoute = await import("./reasons/route");
const reasonRoute = await import("./reasons/[id]/route");
const slaRoute = await import("./sla-policies/route");
const funnel = await import("./reports/funnel/route");
const userRoute = await import("./users/[id]/route");
const touchesRoute = await import("./leads/[id]/touches/route");
const leadsRoute = await import("./leads/route");

let t: TestDb;
let admin: Actor;
let readKey: string;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const send = (method: string, url: string, body?: unknown, key?: string) =>
  new Request(`http://accord.test${url}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const refused = async (answer: Response, status = 400) => {
  expect(answer.status).toBe(status);
  return (await answer.json()).error as { code: string; fields?: Record<string, string[]> };
};

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  admin = actorOf(await createUser(t.db, { role: "admin", name: "Admin" }));
  readKey = (await createApiKey(t.db, { name: "BI", scopes: ["leads:read"] }, null)).secret;
  for (let i = 0; i < 3; i++) await createLead(t.db, { email: `cursor-${i}@example.com` });
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => (session.actor = admin));

describe("integers beyond 32 bits", () => {
  it("a reason id of 2147483648 is nothing at this address (404); a position of 2147483648 is a 400 naming it", async () => {
    const patch = await reasonRoute.PATCH(
      send("PATCH", "/api/v1/reasons/2147483648", { archived: true }),
      ctx({ id: "2147483648" }),
    );
    expect((await refused(patch, 404)).code).toBe("not_found");
    const created = await reasonsRoute.POST(
      send("POST", "/api/v1/reasons", {
        kind: "reject",
        code: "too_far",
        labels: { en: "Far", fr: "Loin" },
        position: 2147483648,
      }),
      ctx(),
    );
    expect((await refused(created)).fields).toHaveProperty("position");
  });

  it("an SLA tier id of 2147483648 is a 400 naming it, and the tiers are kept", async () => {
    const before = await (await slaRoute.GET(send("GET", "/api/v1/sla-policies"), ctx())).json();
    const answer = await slaRoute.PUT(
      send("PUT", "/api/v1/sla-policies", {
        policies: [
          { id: 2147483648, name: "All", firstTouchMinutes: 60, minTouches: 1, touchWindowDays: 3 },
        ],
      }),
      ctx(),
    );
    expect((await refused(answer)).fields).toHaveProperty(["policies.0.id"]);
    const after = await (await slaRoute.GET(send("GET", "/api/v1/sla-policies"), ctx())).json();
    expect(after).toEqual(before);
  });
});

describe("dates out of range", () => {
  it("a report from 0000-01-01 or 1000-01-01 is a 400 naming from; 2026-01-01 answers", async () => {
    for (const from of ["0000-01-01", "1000-01-01"]) {
      const answer = await funnel.GET(send("GET", `/api/v1/reports/funnel?from=${from}`), ctx());
      expect((await refused(answer)).fields).toHaveProperty("from");
    }
    expect(
      (await funnel.GET(send("GET", "/api/v1/reports/funnel?from=2026-01-01"), ctx())).status,
    ).toBe(200);
  });

  it("awayUntil 9999-12-31 is a 400 naming it; the member keeps their settings", async () => {
    const team = await createTeam(t.db, "EMEA");
    const member = await createUser(t.db, { role: "rep", teamId: team.id, capacity: 7 });
    const answer = await userRoute.PATCH(
      send("PATCH", `/api/v1/users/${member.id}`, { awayUntil: "9999-12-31", capacity: 9 }),
      ctx({ id: member.id }),
    );
    expect((await refused(answer)).fields).toHaveProperty("awayUntil");
    const ok = await userRoute.PATCH(
      send("PATCH", `/api/v1/users/${member.id}`, { awayUntil: "2030-12-31" }),
      ctx({ id: member.id }),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({ capacity: 7, awayUntil: "2030-12-31" });
  });

  it("a touch at year 0 is a 400 naming at", async () => {
    const lead = await createLead(t.db, { email: "touch@example.com" });
    const answer = await touchesRoute.POST(
      send("POST", `/api/v1/leads/${lead.id}/touches`, {
        channel: "call",
        outcome: "connected",
        at: "0000-01-01T00:00:00Z",
      }),
      ctx({ id: lead.id }),
    );
    expect((await refused(answer)).fields).toHaveProperty("at");
  });
});

describe("lead-list cursors", () => {
  const list = (cursor: string) =>
    leadsRoute.GET(
      send(
        "GET",
        `/api/v1/leads?pageSize=2&cursor=${encodeURIComponent(cursor)}`,
        undefined,
        readKey,
      ),
      ctx(),
    );
  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it("a malformed or forged cursor is a 400 naming cursor; the one the API gave out pages on", async () => {
    for (const cursor of [
      "not-a-cursor",
      "%%%",
      forge({ u: "0000-01-01T00:00:00.000000Z", i: "00000000-0000-0000-0000-000000000000" }),
      forge({ u: "2026-01-01T00:00:00.000000Z", i: "------------------------------------" }),
      forge({ u: "+275760-09-13T00:00:00.000Z", i: "00000000-0000-0000-0000-000000000000" }),
      forge({ u: 1, i: 2 }),
      forge(null),
    ]) {
      session.actor = null;
      expect((await refused(await list(cursor))).fields).toHaveProperty("cursor");
    }
    session.actor = null;
    const first = await leadsRoute.GET(
      send("GET", "/api/v1/leads?pageSize=2", undefined, readKey),
      ctx(),
    );
    const page = await first.json();
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await list(page.nextCursor);
    expect(next.status).toBe(200);
    const seen = new Set(page.data.map((l: { id: string }) => l.id));
    const more = (await next.json()).data as { id: string }[];
    expect(more.length).toBeGreaterThan(0);
    expect(more.some((l) => seen.has(l.id))).toBe(false);
  });
});
