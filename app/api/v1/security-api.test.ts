/**
 * The API's defences through the real route handlers (the session lookup is the one thing
 * swapped in): per-key rate limits with their headers, cookie-authenticated mutations refused
 * from another site or without JSON, no-store on answers, 503 while the database is unreachable.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { resetAppLimits } from "@/lib/auth/limits";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const leadsRoute = await import("./leads/route");
const readRoute = await import("./notifications/read/route");
const segmentRoute = await import("../segment/v1/[type]/route");

let t: TestDb;
let readKey: string;
let otherKey: string;
let writeKey: string;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const logs: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  readKey = (await createApiKey(t.db, { name: "CRM", scopes: ["leads:read"] }, null)).secret;
  otherKey = (await createApiKey(t.db, { name: "BI", scopes: ["leads:read"] }, null)).secret;
  writeKey = (await createApiKey(t.db, { name: "Segment", scopes: ["events:write"] }, null)).secret;
  session.actor = actorOf(await createUser(t.db, { role: "rep" }));
  vi.spyOn(console, "log").mockImplementation((line: string) => void logs.push(String(line)));
  vi.spyOn(console, "error").mockImplementation((line: string) => void logs.push(String(line)));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetAppLimits();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = undefined;
  await t?.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const listLeads = (key: string) =>
  leadsRoute.GET(new Request("http://accord.test/api/v1/leads", { headers: bearer(key) }), ctx());

describe("per-key rate limit", () => {
  beforeEach(() => {
    vi.stubEnv("ACCORD_API_RATE_LIMIT", "3");
    resetAppLimits();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    resetAppLimits();
  });

  it("answers 429 with Retry-After past the key's limit, and counts each key apart", async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await listLeads(readKey);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("RateLimit-Limit")).toBe("3");
      remaining.push(answer.headers.get("RateLimit-Remaining")!);
      const reset = Number(answer.headers.get("RateLimit-Reset"));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const refused = await listLeads(readKey);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    expect((await refused.json()).error.code).toBe("rate_limited");
    // Another key has its own minute.
    expect((await listLeads(otherKey)).status).toBe(200);
    expect(logs.join("\n")).toMatch(/"event":"rate_limit.exceeded"/);
  });

  it("limits Segment clients by their write key", async () => {
    const basic = { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` };
    const track = () =>
      segmentRoute.POST(
        new Request("http://accord.test/api/segment/v1/track", {
          method: "POST",
          headers: { ...basic, "content-type": "application/json" },
          body: JSON.stringify({
            type: "track",
            event: "Page Viewed",
            userId: "u-1",
            messageId: crypto.randomUUID(),
          }),
        }),
        ctx({ type: "track" }),
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await track()).status);
    expect(statuses.slice(0, 3).every((s) => s < 300)).toBe(true);
    expect(statuses[3]).toBe(429);
  });
});

describe("every API answer", () => {
  it("is not cached and carries the request id of its log lines", async () => {
    const answer = await leadsRoute.GET(
      new Request("http://accord.test/api/v1/leads", {
        headers: { ...bearer(otherKey), "x-request-id": "req-123" },
      }),
      ctx(),
    );
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(answer.headers.get("X-Request-Id")).toBe("req-123");
    const unauthorized = await leadsRoute.GET(
      new Request("http://accord.test/api/v1/leads", { headers: bearer("acc_nope") }),
      ctx(),
    );
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("Cache-Control")).toBe("no-store");
    expect(unauthorized.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("a signed-in change (cookie)", () => {
  const markRead = (headers: Record<string, string>, body = JSON.stringify({ all: true })) =>
    readRoute.POST(
      new Request("http://accord.test/api/v1/notifications/read", {
        method: "POST",
        headers: { host: "accord.test", ...headers },
        body,
      }),
      ctx(),
    );

  it("is accepted from the app's own pages", async () => {
    const json = { "content-type": "application/json" };
    expect((await markRead({ ...json, origin: "http://accord.test" })).status).toBe(200);
    expect((await markRead({ ...json, "sec-fetch-site": "same-origin" })).status).toBe(200);
    // Not from a browser page at all (a script with the cookie): no forged request possible.
    expect((await markRead(json)).status).toBe(200);
  });

  it("is refused (403) from another site, even a sibling sub-domain", async () => {
    const json = { "content-type": "application/json" };
    for (const headers of [
      { origin: "https://evil.test" },
      { origin: "http://accord.test.evil.test" },
      { origin: "null" },
      { origin: "http://sub.accord.test" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ] as Record<string, string>[]) {
      const answer = await markRead({ ...json, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect((await answer.json()).error.code).toBe("forbidden");
    }
    expect(logs.join("\n")).toMatch(/"event":"request.refused".*"reason":"cross-site"/);
  });

  it("is refused (403) unless the body is JSON: a foreign form or text/plain post needs no preflight", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      const answer = await markRead({ "content-type": type, origin: "http://accord.test" });
      expect(answer.status, type).toBe(403);
    }
    expect((await markRead({ origin: "http://accord.test" })).status).toBe(403); // text/plain by default
  });

  it("by API key is not concerned: keys are not sent by browsers on their own", async () => {
    const answer = await leadsRoute.GET(
      new Request("http://accord.test/api/v1/leads", {
        headers: { ...bearer(otherKey), origin: "https://evil.test" },
      }),
      ctx(),
    );
    expect(answer.status).toBe(200);
  });
});

describe("while the database is unreachable", () => {
  it("answers 503 with Retry-After, within seconds, and logs no query", async () => {
    const down = await openDb({ kind: "postgres", url: "postgres://accord@127.0.0.1:1/accord" });
    const saved = globalThis.accordDb;
    globalThis.accordDb = Promise.resolve(down);
    try {
      const started = performance.now();
      const answer = await listLeads(readKey);
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("Retry-After")).toBe("10");
      expect((await answer.json()).error.code).toBe("service_unavailable");
      expect(logs.join("\n")).toMatch(/"event":"database.unreachable"/);
      expect(logs.join("\n")).not.toMatch(/Failed query|params:|acc_[0-9a-f]{12}/);
    } finally {
      globalThis.accordDb = saved;
      await down.close();
    }
  });
});
