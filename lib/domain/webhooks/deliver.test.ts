/**
 * Delivery against real local HTTP receivers: requests signed so the `standardwebhooks` verifier
 * accepts them (and refuses a replay past its tolerance); failures retried on the schedule until
 * one succeeds; per-lead order kept while other leads go ahead; a disabled endpoint receives
 * nothing; a hanging receiver holds up only itself; an endpoint failing for a day is disabled.
 */
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createLead, createUser } from "@/db/factories";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Principal } from "@/lib/auth/principal";
import type { WebhookEventType } from "@/lib/shared/vocabulary";
import { createEndpoint } from "./create-endpoint";
import { deliverDue, type DeliverOptions } from "./deliver";
import { endpointsWithDueDeliveries } from "./due-endpoints";
import { emitWebhookEvent } from "./outbox";
import { startReceiver, type Receiver, type Reply } from "./test-receiver";
import { updateEndpoint } from "./update-endpoint";

let t: TestDb;
let admin: Principal;
const receivers: Receiver[] = [];
const published = (version: number) => ({
  version,
  name: "Telecom",
  note: "",
  mqlThreshold: 100,
  publishedBy: "Camille",
});

beforeAll(async () => {
  t = await createTestDb();
  admin = {
    kind: "user",
    user: { ...(await createUser(t.db, { role: "admin", name: "Alex" })), timeZone: "UTC" },
  };
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(() => t?.close());

async function receiver(respond?: (n: number) => Reply) {
  const r = await startReceiver(respond ? (_, n) => respond(n) : undefined);
  receivers.push(r);
  return r;
}

async function endpoint(url: string, eventTypes: WebhookEventType[] = ["model.published"]) {
  return createEndpoint({ db: t.db, principal: admin, input: { url, eventTypes } });
}

const emit = (version: number, leadId: string | null = null, at?: Date) =>
  t.db.transaction((tx) =>
    emitWebhookEvent(tx, { type: "model.published", leadId, data: published(version), at }),
  );

const deliveries = (endpointId: string): Promise<WebhookDelivery[]> =>
  t.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(webhookDeliveries.id);

/** Rounds until nothing is due at `now` (each round's clock is `now`). */
async function drain(endpointId: string, now: Date, options: DeliverOptions = {}) {
  for (let i = 0; i < 20; i++) {
    const round = await deliverDue(t.db, endpointId, { now: () => now, ...options });
    if (round.stop || round.attempted === 0) return;
  }
}

const versionOf = (body: string) => (JSON.parse(body).data as { version: number }).version;

describe("webhook delivery", () => {
  it("signs each request so the standardwebhooks verifier accepts it, with the attempt's timestamp", async () => {
    const r = await receiver();
    const ep = await endpoint(r.url);
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
    await emit(1, null, threeHoursAgo);
    await drain(ep.id, new Date());
    const [request] = await r.waitFor(1);
    const verified = new Webhook(ep.secret).verify(request.body, request.headers) as {
      type: string;
      timestamp: string;
      data: unknown;
    };
    expect(verified).toEqual({
      type: "model.published",
      timestamp: threeHoursAgo.toISOString(),
      data: published(1),
    });
    expect(request.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    // The event is three hours old, yet the request verifies: it is signed at the attempt.
    expect(Number(request.headers["webhook-timestamp"])).toBeGreaterThan(Date.now() / 1000 - 60);
    // The same request replayed six minutes later is refused (tolerance: five minutes).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      expect(() => new Webhook(ep.secret).verify(request.body, request.headers)).toThrow(/too old/);
    } finally {
      vi.useRealTimers();
    }
    // Another endpoint's secret does not verify it.
    const other = await endpoint(r.url);
    expect(() => new Webhook(other.secret).verify(request.body, request.headers)).toThrow();
    const [row] = await deliveries(ep.id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200 });
    expect(row.responseBody).toBe("ok");
  });

  it("retries a receiver that answers 500, then closes the connection, then succeeds", async () => {
    const r = await receiver((n) =>
      n === 0 ? { status: 500, body: "boom" } : n === 1 ? { close: true } : { status: 204 },
    );
    const ep = await endpoint(r.url);
    await emit(2);
    const start = new Date();
    await drain(ep.id, start, { random: () => 0.5 });
    let [row] = await deliveries(ep.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500 });
    expect(row).toMatchObject({ lastError: "Answered 500", errorKind: "status" });
    expect(row.responseBody).toBe("boom");
    expect(row.nextAttemptAt!.getTime() - start.getTime()).toBe(5_000);
    expect(await endpointsWithDueDeliveries(t.db, start)).not.toContain(ep.id);

    const later = new Date(start.getTime() + 5_000);
    expect(await endpointsWithDueDeliveries(t.db, later)).toContain(ep.id);
    await drain(ep.id, later, { random: () => 0.5 });
    [row] = await deliveries(ep.id);
    expect(row).toMatchObject({ status: "pending", attempts: 2, responseStatus: null });
    expect(row).toMatchObject({
      lastError: "The connection was closed before an answer",
      errorKind: "closed",
    });
    expect(row.nextAttemptAt!.getTime() - later.getTime()).toBe(5 * 60_000);

    await drain(ep.id, new Date(later.getTime() + 5 * 60_000));
    [row] = await deliveries(ep.id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 3, responseStatus: 204 });
    const requests = await r.waitFor(3);
    // The same message each time: one webhook-id for the receiver to deduplicate on.
    expect(new Set(requests.map((q) => q.headers["webhook-id"])).size).toBe(1);
    const [endpointRow] = await t.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, ep.id));
    expect(endpointRow).toMatchObject({ consecutiveFailures: 0, failingSince: null });
  });

  it("keeps one lead's messages in order while another lead's go ahead", async () => {
    const a = (await createLead(t.db, { email: "a@order.test" })).id;
    const b = (await createLead(t.db, { email: "b@order.test" })).id;
    // The first message about lead A fails once; everything else succeeds.
    const r = await receiver();
    let failedOnce = false;
    const ep = await endpoint(r.url);
    await emit(10, a);
    await emit(11, a);
    await emit(20, b);
    await emit(12, a);
    const post: DeliverOptions["post"] = async (url, headers, body, options) => {
      if (versionOf(body) === 10 && !failedOnce) {
        failedOnce = true;
        return {
          status: 503,
          body: null,
          retryAfterMs: null,
          location: null,
          latencyMs: 1,
          error: null,
          errorKind: null,
        };
      }
      const { postWebhook } = await import("@/lib/infra/post-webhook");
      return postWebhook(url, headers, body, options);
    };
    const now = new Date();
    await drain(ep.id, now, { post });
    // B went out; A's later messages wait behind A's first, which is backing off.
    expect(r.received.map((q) => versionOf(q.body))).toEqual([20]);
    const waiting = await deliveries(ep.id);
    expect(waiting.filter((d) => d.status === "pending").map((d) => d.attempts)).toEqual([1, 0, 0]);
    // The endpoint was throttled by the 503: nothing goes out before it lifts.
    await drain(ep.id, new Date(now.getTime() + 5_000), { post });
    expect(r.received).toHaveLength(1);
    await drain(ep.id, new Date(now.getTime() + 20_000), { post });
    expect(r.received.map((q) => versionOf(q.body))).toEqual([20, 10, 11, 12]);
  });

  it("sends nothing to a disabled endpoint, and what waited goes out once it is enabled again", async () => {
    const r = await receiver();
    const ep = await endpoint(r.url);
    await emit(30);
    await updateEndpoint({ db: t.db, principal: admin, id: ep.id, input: { enabled: false } });
    await emit(31); // no delivery: the endpoint is disabled when this happens
    expect(await endpointsWithDueDeliveries(t.db)).not.toContain(ep.id);
    const round = await deliverDue(t.db, ep.id);
    expect(round).toMatchObject({ attempted: 0, stop: true });
    expect(r.received).toEqual([]);
    await updateEndpoint({ db: t.db, principal: admin, id: ep.id, input: { enabled: true } });
    await drain(ep.id, new Date());
    expect(r.received.map((q) => versionOf(q.body))).toEqual([30]);
  });

  it("a receiver that hangs times out and holds up only its own endpoint", async () => {
    const slow = await receiver(() => ({ hang: true }));
    const fast = await receiver();
    const slowEp = await endpoint(slow.url);
    const fastEp = await endpoint(fast.url);
    await emit(40);
    const started = Date.now();
    const slowRound = deliverDue(t.db, slowEp.id, { timeoutMs: 1_500 });
    await deliverDue(t.db, fastEp.id, { timeoutMs: 1_500 });
    expect(fast.received).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    await slowRound;
    const [row] = await deliveries(slowEp.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: null });
    expect(row).toMatchObject({ lastError: "No answer within 1.5 s", errorKind: "timeout" });
    expect(row.latencyMs).toBeGreaterThanOrEqual(1_400);
  });

  it("treats a redirect and a 4xx as failures, keeps 2 KB of the answer, and disables on 410 Gone", async () => {
    const r = await receiver((n) =>
      n === 0
        ? { status: 301, headers: { location: "https://elsewhere.test/hooks" } }
        : n === 1
          ? { status: 400, body: `<script>alert(1)</script>${"x".repeat(5_000)}` }
          : { status: 410 },
    );
    const ep = await endpoint(r.url);
    await emit(50);
    const now = Date.now();
    await drain(ep.id, new Date(now));
    let [row] = await deliveries(ep.id);
    expect(row.lastError).toMatch(/^Answered 301, a redirect to https:\/\/elsewhere\.test\/hooks/);
    expect(row.errorKind).toBe("redirect");
    await drain(ep.id, new Date(now + 10_000));
    [row] = await deliveries(ep.id);
    expect(row).toMatchObject({ status: "pending", responseStatus: 400, attempts: 2 });
    expect(row.responseBody).toHaveLength(2048);
    expect(row.responseBody!.startsWith("<script>")).toBe(true);
    await drain(ep.id, new Date(now + 20 * 60_000));
    const [gone] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.id));
    expect(gone).toMatchObject({ enabled: false, disabledReason: "gone" });
    expect(r.received).toHaveLength(3);
  });

  it("disables an endpoint when nothing has succeeded for 24 hours, and gives up after the tenth attempt", async () => {
    const r = await receiver(() => ({ status: 500 }));
    const ep = await endpoint(r.url);
    await emit(60);
    let now = Date.now();
    const seen: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      await drain(ep.id, new Date(now), { random: () => 0.5 });
      const [row] = await deliveries(ep.id);
      const [state] = await t.db
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, ep.id));
      seen.push(row.attempts);
      if (!state.enabled) {
        // 7 attempts span 17 h 35 min; the 8th, at 31 h 35 min, finds a day of failures.
        expect(row.attempts).toBe(8);
        expect(state).toMatchObject({ disabledReason: "failing", consecutiveFailures: 8 });
        break;
      }
      now = row.nextAttemptAt!.getTime();
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Re-enabled, it resumes; two more failures exhaust the schedule and the delivery is given up.
    await updateEndpoint({ db: t.db, principal: admin, id: ep.id, input: { enabled: true } });
    await drain(ep.id, new Date(now), { random: () => 0.5 });
    let [row] = await deliveries(ep.id);
    await drain(ep.id, row.nextAttemptAt!, { random: () => 0.5 });
    [row] = await deliveries(ep.id);
    expect(row).toMatchObject({ status: "failed", attempts: 10, nextAttemptAt: null });
  });
});
