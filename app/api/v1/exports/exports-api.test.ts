/** The export routes end to end, minus the cookie (the session lookup is the one thing mocked). */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createEvent, createLead, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { csvRecords } from "@/lib/domain/exports/parse-csv";
import { actorOf, type Actor } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const leadsRoute = await import("./leads/route");
const eventsRoute = await import("./events/route");
const decisionsRoute = await import("./decisions/route");
const transitionsRoute = await import("./transitions/route");

let t: TestDb;
const actors: Record<"rep" | "marketer", Actor> = {} as never;
const keys = { leads: "", reports: "" };
const ctx = () => ({ params: Promise.resolve({}) });
const get = (path: string, key?: string) =>
  new Request(`http://accord.test/api/v1/exports/${path}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
const as = (actor: Actor | null) => (session.actor = actor);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  actors.rep = actorOf(await createUser(t.db, { role: "rep" }));
  actors.marketer = actorOf(await createUser(t.db, { role: "marketer" }));
  const mine = await createLead(t.db, {
    email: "mine@x.test",
    stage: "mql",
    ownerId: actors.rep.id,
    traits: { plan: "+pro" },
  });
  await createLead(t.db, { email: "theirs@x.test", stage: "lead" });
  await createEvent(t.db, { leadId: mine.id, occurredAt: new Date("2026-01-05T08:00:00Z") });
  keys.leads = (await createApiKey(t.db, { name: "BI", scopes: ["leads:read"] }, null)).secret;
  keys.reports = (await createApiKey(t.db, { name: "R", scopes: ["reports:read"] }, null)).secret;
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => as(null));

describe("exports API", () => {
  const routes = [
    ["leads", leadsRoute.GET],
    ["events", eventsRoute.GET],
    ["decisions", decisionsRoute.GET],
    ["transitions", transitionsRoute.GET],
  ] as const;

  it("answers 401 without a session or key, 403 to a key without leads:read", async () => {
    for (const [path, handler] of routes) {
      expect((await handler(get(path), ctx())).status, path).toBe(401);
      expect((await handler(get(path, keys.reports), ctx())).status, path).toBe(403);
    }
  });

  it("streams the filtered leads as a dated CSV attachment", async () => {
    as(actors.marketer);
    const response = await leadsRoute.GET(get("leads?stage=mql&page=3&sort=name"), ctx());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="accord-leads-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = csvRecords(await response.text());
    expect(rows.map((r) => [r.email, r["trait.plan"], r.stage])).toEqual([
      ["mine@x.test", "'+pro", "mql"],
    ]);
  });

  it("gives a rep only their own leads and an API key every lead", async () => {
    as(actors.rep);
    const mine = csvRecords(await (await leadsRoute.GET(get("leads"), ctx())).text());
    expect(mine.map((r) => r.email)).toEqual(["mine@x.test"]);
    as(null);
    const all = csvRecords(await (await leadsRoute.GET(get("leads", keys.leads), ctx())).text());
    expect(all.map((r) => r.email).sort()).toEqual(["mine@x.test", "theirs@x.test"]);
  });

  it("answers 400 naming the field for a bad filter or period", async () => {
    as(actors.marketer);
    const badStage = await leadsRoute.GET(get("leads?stage=nope"), ctx());
    expect(badStage.status).toBe(400);
    expect((await badStage.json()).error.fields).toHaveProperty("stage");
    const nul = await leadsRoute.GET(get("leads?q=a%00b"), ctx());
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.fields).toHaveProperty("q");
    const badDay = await eventsRoute.GET(get("events?from=2026-13-01"), ctx());
    expect(badDay.status).toBe(400);
    expect((await badDay.json()).error.fields).toHaveProperty("from");
    const reversed = await decisionsRoute.GET(
      get("decisions?from=2026-02-01&to=2026-01-01"),
      ctx(),
    );
    expect(reversed.status).toBe(400);
  });

  it("exports events of a period", async () => {
    as(actors.marketer);
    const inside = await eventsRoute.GET(get("events?from=2026-01-05&to=2026-01-05"), ctx());
    expect(inside.headers.get("content-disposition")).toContain("accord-events-");
    expect(csvRecords(await inside.text()).map((r) => r.lead_email)).toEqual(["mine@x.test"]);
    const outside = await eventsRoute.GET(get("events?from=2026-01-06"), ctx());
    expect(csvRecords(await outside.text())).toEqual([]);
  });
});
