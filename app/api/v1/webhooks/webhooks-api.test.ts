/**
 * The webhooks API end to end, minus the cookie (the signed-in user is swapped in for the session
 * lookup; API keys, permissions, validation, the outbox, delivery and signing are real): bad input
 * answers 400 naming the field; the secret is shown once; test events, the delivery log, resend,
 * rotation; and an endpoint created with an API key receives `lead.mql`, signed, for a lead that
 * crosses the threshold through the events API.
 */
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { createActor } from "@/lib/domain/teams/test-actors";
import { deliverDue } from "@/lib/domain/webhooks/deliver";
import { startReceiver, type Receiver } from "@/lib/domain/webhooks/test-receiver";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const listRoute = await import("./route");
const endpointRoute = await import("./[id]/route");
const testRoute = await import("./[id]/test/route");
const rotateRoute = await import("./[id]/rotate-secret/route");
const deliveriesRoute = await import("./[id]/deliveries/route");
const resendRoute = await import("./[id]/deliveries/[deliveryId]/resend/route");
const eventsRoute = await import("../events/route");
const leadsRoute = await import("../leads/route");

let t: TestDb;
let admin: Actor, manager: Actor;
let receiver: Receiver;

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const request = (method: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request("http://accord.test/api/v1/webhooks", {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const get = (query = "", headers: Record<string, string> = {}) =>
  new Request(`http://accord.test/api/v1/webhooks${query}`, { headers });

async function create(body: unknown, headers?: Record<string, string>) {
  return listRoute.POST(request("POST", body, headers), ctx());
}

/** Delivers what is due for the endpoint now. */
const deliver = (id: string) => deliverDue(t.db, id);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  admin = await createActor(t.db, "admin");
  manager = await createActor(t.db, "manager");
  receiver = await startReceiver();
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await receiver?.close();
  await t?.close();
});
beforeEach(() => {
  session.actor = admin;
});

describe("webhooks API", () => {
  it("is for admins and API keys with webhooks:write only", async () => {
    session.actor = null;
    expect((await listRoute.GET(get(), ctx())).status).toBe(401);
    session.actor = manager;
    expect((await listRoute.GET(get(), ctx())).status).toBe(403);
    expect(
      (await create({ url: "https://crm.example.com/h", eventTypes: ["lead.mql"] })).status,
    ).toBe(403);
    session.actor = null;
    const reader = await createApiKey(t.db, { name: "reader", scopes: ["leads:read"] }, null);
    const refused = await listRoute.GET(
      get("", { authorization: `Bearer ${reader.secret}` }),
      ctx(),
    );
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/webhooks:write/);
  });

  it("answers 400 naming the field for a bad URL, an unknown or missing event type", async () => {
    for (const [body, field] of [
      [{ url: "ftp://crm.example.com/hooks", eventTypes: ["lead.mql"] }, "url"],
      [{ url: "javascript:alert(1)", eventTypes: ["lead.mql"] }, "url"],
      [{ url: "not a url", eventTypes: ["lead.mql"] }, "url"],
      [{ eventTypes: ["lead.mql"] }, "url"],
      [
        { url: "https://crm.example.com/hooks", eventTypes: ["lead.mql", "lead.won"] },
        "eventTypes.1",
      ],
      [{ url: "https://crm.example.com/hooks", eventTypes: [] }, "eventTypes"],
      [{ url: "https://crm.example.com/hooks", eventTypes: "lead.mql" }, "eventTypes"],
    ] as const) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("validation_failed");
      expect(Object.keys(error.fields)).toEqual([field]);
    }
    expect((await listRoute.GET(get(), ctx())).status).toBe(200);
    expect((await (await listRoute.GET(get(), ctx())).json()).data).toEqual([]);
  });

  it("shows the secret once, then only its prefix; unknown ids answer 404", async () => {
    const response = await create({
      url: receiver.url,
      description: "CRM sync",
      eventTypes: ["lead.accepted", "lead.mql", "lead.mql"],
    });
    expect(response.status).toBe(201);
    const { data } = await response.json();
    expect(data.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(data.secret.slice(6), "base64").length).toBeGreaterThanOrEqual(24);
    expect(data.eventTypes).toEqual(["lead.mql", "lead.accepted"]);
    expect(data.secretPrefix).toBe(`${data.secret.slice(0, 12)}…`);
    const listed = await (await listRoute.GET(get(), ctx())).json();
    expect(JSON.stringify(listed)).not.toContain(data.secret.slice(6));
    expect(listed.data[0]).not.toHaveProperty("secret");

    for (const id of ["7b4c0a4e-9c7e-4f4e-9a55-2f0a3f0d1b11", "nope"]) {
      expect(
        (await endpointRoute.PATCH(request("PATCH", { enabled: false }), ctx({ id }))).status,
      ).toBe(404);
      expect((await endpointRoute.DELETE(request("DELETE"), ctx({ id }))).status).toBe(404);
      expect((await testRoute.POST(request("POST"), ctx({ id }))).status).toBe(404);
    }
    const empty = await endpointRoute.PATCH(request("PATCH", {}), ctx({ id: data.id }));
    expect(empty.status).toBe(400);
    const badUrl = await endpointRoute.PATCH(
      request("PATCH", { url: "file:///etc/passwd" }),
      ctx({ id: data.id }),
    );
    expect(Object.keys((await badUrl.json()).error.fields)).toEqual(["url"]);
  });

  it("sends a test event, logs it, resends it, and refuses both while disabled", async () => {
    const { data: ep } = await (
      await create({ url: receiver.url, eventTypes: ["sla.breached"] })
    ).json();
    const queued = await testRoute.POST(request("POST"), ctx({ id: ep.id }));
    expect(queued.status).toBe(202);
    const delivery = (await queued.json()).data;
    expect(delivery).toMatchObject({ type: "webhook.test", status: "pending", attempts: 0 });
    const pendingResend = await resendRoute.POST(
      request("POST"),
      ctx({ id: ep.id, deliveryId: String(delivery.id) }),
    );
    expect(pendingResend.status).toBe(409);

    const before = receiver.received.length;
    await deliver(ep.id);
    const [sent] = (await receiver.waitFor(before + 1)).slice(before);
    expect(new Webhook(ep.secret).verify(sent.body, sent.headers)).toMatchObject({
      type: "webhook.test",
      data: { endpoint: { id: ep.id } },
    });
    const log = await (
      await deliveriesRoute.GET(get(`/${ep.id}/deliveries`), ctx({ id: ep.id }))
    ).json();
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({
      id: delivery.id,
      messageId: sent.headers["webhook-id"],
      status: "succeeded",
      attempts: 1,
      responseStatus: 200,
      responseBody: "ok",
      nextAttemptAt: null,
      lastError: null,
    });
    expect(log.data[0].latencyMs).toBeGreaterThanOrEqual(0);

    const resent = await resendRoute.POST(
      request("POST"),
      ctx({ id: ep.id, deliveryId: String(delivery.id) }),
    );
    expect(resent.status).toBe(200);
    expect((await resent.json()).data).toMatchObject({ status: "pending", attempts: 0 });
    await deliver(ep.id);
    const again = (await receiver.waitFor(before + 2))[before + 1];
    expect(again.headers["webhook-id"]).toBe(sent.headers["webhook-id"]);
    expect(
      (await resendRoute.POST(request("POST"), ctx({ id: ep.id, deliveryId: "999999" }))).status,
    ).toBe(404);

    const off = await endpointRoute.PATCH(request("PATCH", { enabled: false }), ctx({ id: ep.id }));
    expect((await off.json()).data).toMatchObject({ enabled: false, disabledReason: "admin" });
    expect((await testRoute.POST(request("POST"), ctx({ id: ep.id }))).status).toBe(409);
    expect(
      (await resendRoute.POST(request("POST"), ctx({ id: ep.id, deliveryId: String(delivery.id) })))
        .status,
    ).toBe(409);
  });

  it("pages the delivery log newest first and filters it by status", async () => {
    const { data: ep } = await (
      await create({ url: receiver.url, eventTypes: ["lead.mql"] })
    ).json();
    for (let i = 0; i < 3; i++) await testRoute.POST(request("POST"), ctx({ id: ep.id }));
    const first = await (
      await deliveriesRoute.GET(get(`/${ep.id}/deliveries?limit=2`), ctx({ id: ep.id }))
    ).json();
    expect(first.data).toHaveLength(2);
    expect(first.data[0].id).toBeGreaterThan(first.data[1].id);
    const rest = await (
      await deliveriesRoute.GET(
        get(`/${ep.id}/deliveries?limit=2&cursor=${first.nextCursor}`),
        ctx({ id: ep.id }),
      )
    ).json();
    expect(rest).toMatchObject({ nextCursor: null });
    expect(rest.data).toHaveLength(1);
    const succeeded = await deliveriesRoute.GET(
      get(`/${ep.id}/deliveries?status=succeeded`),
      ctx({ id: ep.id }),
    );
    expect((await succeeded.json()).data).toEqual([]);
    const bad = await deliveriesRoute.GET(
      get(`/${ep.id}/deliveries?status=lost`),
      ctx({ id: ep.id }),
    );
    expect(Object.keys((await bad.json()).error.fields)).toEqual(["status"]);
    const gone = await endpointRoute.DELETE(request("DELETE"), ctx({ id: ep.id }));
    expect(gone.status).toBe(204);
    expect((await deliveriesRoute.GET(get(), ctx({ id: ep.id }))).status).toBe(404);
  });

  it("rotates the secret: for a day, requests carry both signatures", async () => {
    const { data: ep } = await (
      await create({ url: receiver.url, eventTypes: ["lead.mql"] })
    ).json();
    const rotated = await rotateRoute.POST(request("POST"), ctx({ id: ep.id }));
    expect(rotated.status).toBe(200);
    const { data: fresh } = await rotated.json();
    expect(fresh.secret).not.toBe(ep.secret);
    expect(Date.parse(fresh.previousSecretUntil) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await testRoute.POST(request("POST"), ctx({ id: ep.id }));
    const before = receiver.received.length;
    await deliver(ep.id);
    const [sent] = (await receiver.waitFor(before + 1)).slice(before);
    expect(sent.headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const secret of [ep.secret, fresh.secret])
      expect(new Webhook(secret).verify(sent.body, sent.headers)).toMatchObject({
        type: "webhook.test",
      });
  });

  it("an endpoint created with an API key receives lead.mql, signed, when a lead crosses the threshold", async () => {
    await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
    await publishDraft(t.db, { actorType: "user", actorId: "t", label: "Test", userId: null });
    session.actor = null;
    const key = await createApiKey(
      t.db,
      { name: "CRM", scopes: ["webhooks:write", "events:write", "leads:write"] },
      null,
    );
    const bearer = { authorization: `Bearer ${key.secret}` };
    const created = await create({ url: receiver.url, eventTypes: ["lead.mql"] }, bearer);
    expect(created.status).toBe(201);
    const { data: ep } = await created.json();
    const email = "thibault@horizon.test";
    const lead = await leadsRoute.POST(
      new Request("http://accord.test/api/v1/leads", {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer },
        body: JSON.stringify({
          email,
          firstName: "Thibault",
          country: "FR",
          phone: "+33 6 12 34 56 78",
        }),
      }),
      ctx(),
    );
    expect(lead.status).toBe(201);
    const events = [
      { id: "m-1", email, name: "Link Clicked", properties: { channel: "linkedin" } },
      { id: "m-2", email, name: "Page Viewed", properties: { path: "/product" } },
      { id: "m-3", email, name: "Content Downloaded", properties: { asset_type: "guide" } },
    ];
    const post = (batch: unknown[]) =>
      eventsRoute.POST(
        new Request("http://accord.test/api/v1/events", {
          method: "POST",
          headers: { "content-type": "application/json", ...bearer },
          body: JSON.stringify({ events: batch }),
        }),
        ctx(),
      );
    // 60 points: below the threshold (100), nothing to say.
    expect((await post(events)).status).toBe(200);
    const before = receiver.received.length;
    await deliver(ep.id);
    expect(receiver.received).toHaveLength(before);
    // The question (+50) takes it to 110: it crosses the threshold and is handed over.
    expect(
      (
        await post([
          { id: "m-4", email, name: "Question Asked", properties: { channel: "social" } },
        ])
      ).status,
    ).toBe(200);
    await deliver(ep.id);
    const [sent] = (await receiver.waitFor(before + 1)).slice(before);
    const body = new Webhook(ep.secret).verify(sent.body, sent.headers) as {
      type: string;
      data: { lead: { email: string; stage: string }; score: { total: number } };
    };
    expect(body.type).toBe("lead.mql");
    expect(body.data.lead).toMatchObject({ email, stage: "mql" });
    expect(body.data.score.total).toBe(110);
  });
});
