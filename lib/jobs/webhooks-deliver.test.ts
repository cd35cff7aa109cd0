/**
 * The delivery jobs on each driver (the embedded runner; pg-boss with DATABASE_URL): the poller
 * notices a committed event and a `webhooks-deliver` job sends it within a second or so; a job
 * that throws (the database failing under it) is recorded with its error and retried, and the
 * delivery still arrives; a receiver that hangs holds up no other endpoint.
 */
import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/db/factories";
import { jobs } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Principal } from "@/lib/auth/principal";
import { createEndpoint } from "@/lib/domain/webhooks/create-endpoint";
import { emitWebhookEvent } from "@/lib/domain/webhooks/outbox";
import { startReceiver, type Receiver } from "@/lib/domain/webhooks/test-receiver";
import { webhooksDeliverJob } from "./definitions/webhooks-deliver";
import type { JobDriver } from "./drivers/driver";
import { InProcessDriver } from "./drivers/in-process";
import { PgBossDriver } from "./drivers/pg-boss";
import { JobPoller } from "./poller";

let t: TestDb;
let admin: Principal;
const DEFINITIONS = [webhooksDeliverJob];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await createTestDb();
  admin = {
    kind: "user",
    user: { ...(await createUser(t.db, { role: "admin", name: "Alex" })), timeZone: "UTC" },
  };
});
afterAll(() => t?.close());

function drivers(): { kind: string; make: () => JobDriver }[] {
  const list: { kind: string; make: () => JobDriver }[] = [
    {
      kind: "in-process",
      make: () => new InProcessDriver(t.db, DEFINITIONS, async () => null, { pollMs: 100 }),
    },
  ];
  if (process.env.DATABASE_URL)
    list.push({
      kind: "pg-boss",
      make: () => new PgBossDriver(t.db, t.url!, DEFINITIONS, { pollingSeconds: 0.5 }),
    });
  return list;
}

const emit = (version: number) =>
  t.db.transaction((tx) =>
    emitWebhookEvent(tx, {
      type: "model.published",
      data: { version, name: "M", note: "", mqlThreshold: 50, publishedBy: "Camille" },
    }),
  );

const subscribe = (url: string) =>
  createEndpoint({ db: t.db, principal: admin, input: { url, eventTypes: ["model.published"] } });

describe.each(drivers())("webhook delivery jobs on the $kind driver", ({ make }) => {
  let driver: JobDriver;
  let poller: JobPoller;
  const receivers: Receiver[] = [];
  beforeAll(async () => {
    // Earlier runs' endpoints (the other driver's) must not be delivered by this one.
    await t.db.execute(sql`delete from webhook_endpoints`);
    driver = make();
    await driver.start({ work: true, schedule: false });
    poller = new JobPoller(t.db, DEFINITIONS, driver);
    poller.start();
  });
  afterAll(async () => {
    poller?.stop();
    await driver?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it("delivers a committed event within a couple of seconds, signed", async () => {
    const r = await startReceiver();
    receivers.push(r);
    const ep = await subscribe(r.url);
    const emitted = Date.now();
    await emit(1);
    const [request] = await r.waitFor(1, 10_000);
    expect(request.at - emitted).toBeLessThan(3_000);
    expect(new Webhook(ep.secret).verify(request.body, request.headers)).toMatchObject({
      type: "model.published",
      data: { version: 1 },
    });
    const ran = await t.db
      .select()
      .from(jobs)
      .where(
        and(eq(jobs.name, "webhooks-deliver"), eq(jobs.singletonKey, `webhooks-deliver:${ep.id}`)),
      );
    expect(ran.length).toBeGreaterThanOrEqual(1);
  });

  it("records a job that throws with its error, retries it, and the delivery still arrives", async () => {
    const r = await startReceiver();
    receivers.push(r);
    const ep = await subscribe(r.url);
    await t.db.execute(sql`alter table webhook_messages rename to webhook_messages_away`);
    try {
      await emit(2).catch(() => null); // the outbox itself is unavailable: nothing to send yet
      await t.db.execute(sql`alter table webhook_messages_away rename to webhook_messages`);
      await emit(3);
      await t.db.execute(sql`alter table webhook_messages rename to webhook_messages_away`);
      const end = Date.now() + 15_000;
      let failed: { error: string | null } | undefined;
      while (!failed && Date.now() < end) {
        [failed] = await t.db
          .select({ error: jobs.error })
          .from(jobs)
          .where(
            and(eq(jobs.singletonKey, `webhooks-deliver:${ep.id}`), sql`${jobs.error} is not null`),
          );
        await sleep(100);
      }
      expect(failed?.error).toMatch(/webhook_messages/);
      expect(r.received).toEqual([]);
    } finally {
      await t.db.execute(
        sql`alter table if exists webhook_messages_away rename to webhook_messages`,
      );
    }
    const [request] = await r.waitFor(1, 30_000);
    expect(JSON.parse(request.body).data.version).toBe(3);
  }, 60_000);

  it("a receiver that hangs holds up no other endpoint", async () => {
    const hanging = await startReceiver(() => ({ hang: true }));
    const healthy = await startReceiver();
    receivers.push(hanging, healthy);
    await subscribe(hanging.url);
    await subscribe(hanging.url);
    await subscribe(healthy.url);
    const emitted = Date.now();
    await emit(4);
    await hanging.waitFor(2, 10_000);
    const [request] = await healthy.waitFor(1, 10_000);
    expect(request.at - emitted).toBeLessThan(3_000);
  }, 30_000);
});
