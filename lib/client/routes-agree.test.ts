/**
 * The browser's typed client and the routes agree. An openapi-fetch client typed by the generated
 * paths (api-schema.d.ts) is pointed at the route handlers themselves, in process: one typed call
 * per operation, on a real in-memory database, each answering the 2xx its contract declares. tsc
 * proves every call's path, parameters and body against the generated types (and reads a field
 * of each answer through them); the runtime response check (ACCORD_CHECK_RESPONSES) proves each
 * answer matches the document those types come from. Finally every operation of ALL_CONTRACTS
 * must have been reached, so an operation added without a typed call here fails this test.
 */
import path from "node:path";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { predictTrainJob } from "@/lib/jobs/definitions/predict-train";
import { enqueue, startJobs, stopJobs } from "@/lib/jobs/queue";
import type { Actor } from "@/lib/auth/principal";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { publishTestModel, seedHandoffs } from "@/lib/domain/predict/test-seed";
import type { Contract } from "@/lib/http/contract";
import { ALL_CONTRACTS } from "@/lib/http/contracts";
import type { RouteHandler } from "@/lib/http/with-api";
import { setTestClock } from "@/lib/infra/clock";
import { deliverDue } from "@/lib/domain/webhooks/deliver";
import { startReceiver } from "@/lib/domain/webhooks/test-receiver";
import type { paths } from "./api-schema";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const as = (actor: Actor | null) => (session.actor = actor);

// --- The client, dispatched in process to the route files -------------------------------------

const root = path.resolve(import.meta.dirname, "../..");
/** Every status each operation answered, by operationId. */
const reached = new Map<string, number[]>();

const routes = ALL_CONTRACTS.map((contract) => ({
  contract,
  pattern: new RegExp(
    `^${contract.path.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`,
  ),
  // `/api/v1/leads/{id}` → app/api/v1/leads/[id]/route.ts
  file: path.join(root, "app", contract.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts"),
}));

async function dispatch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const method = request.method.toLowerCase();
  const matches = routes.filter((r) => r.contract.method === method && r.pattern.test(pathname));
  if (matches.length !== 1)
    throw new Error(`${matches.length} contracts match ${request.method} ${pathname}`);
  const [{ contract, pattern, file }] = matches;
  const route = (await import(/* @vite-ignore */ file)) as Record<string, RouteHandler>;
  const handler = route[request.method.toUpperCase()];
  expect(handler?.contract, `${file} exports ${request.method}`).toBe(contract);
  const params = Object.fromEntries(
    Object.entries(pattern.exec(pathname)!.groups ?? {}).map(([k, v]) => [
      k,
      decodeURIComponent(v),
    ]),
  );
  const response = await handler(request, { params: Promise.resolve(params) });
  reached.set(contract.operationId, [
    ...(reached.get(contract.operationId) ?? []),
    response.status,
  ]);
  return response;
}

const client = createClient<paths>({ baseUrl: "http://accord.test", fetch: dispatch });

type Answer<D> = { data?: D; error?: unknown; response: Response };

/** The answer's data, once its status is the one expected (the error body in the failure). */
async function ok<D>(pending: Promise<Answer<D>>, status: number): Promise<D> {
  const { data, error, response } = await pending;
  expect(response.status, JSON.stringify(error)).toBe(status);
  return data as D;
}

/** A report's JSON answer: the document types its CSV alternative as a string. */
function json<D>(answer: D): Exclude<D, string> {
  if (typeof answer === "string") throw new Error("Expected JSON, got CSV.");
  return answer as Exclude<D, string>;
}

// --- The data -----------------------------------------------------------------------------------

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
/** An MQL of Thomas (FR) to touch and accept, one to reassign, one long overdue. */
const lead = { mql: "", queued: "", late: "", greta: "" };
const ids = { key: "", secret: "", team: "", reason: 0 };

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  await startJobs({ work: true, schedule: false });
  s = await salesTeams(t.db);
  await publishTestModel(t.db, 1, {
    name: "Telecom",
    mqlThreshold: 50,
    bands: [
      { name: "cold", min: 0 },
      { name: "warm", min: 30 },
      { name: "hot", min: 60 },
    ],
    rules: [
      { id: "demo", kind: "event", label: "Demo requested", event: "Demo Requested", points: 30 },
      {
        id: "ads",
        kind: "attribute",
        label: "Came from ads",
        field: "source",
        op: "eq",
        value: "ads",
        points: 5,
      },
    ],
  });
  // Enough decided handoffs for the predictive score to train ("ready") and the reports to fill.
  await seedHandoffs(t.db, new Date(), [
    { source: "webinar", count: 150, rate: 0.6, score: (i) => 50 + (i % 40) },
    { source: "ads", count: 170, rate: 0.1, score: (i) => 50 + (i % 40) },
  ]);
  const hour = 3_600_000;
  lead.mql = (
    await assignedMql(t.db, s.frRep, new Date(Date.now() - hour), { total: 70 }, { country: "FR" })
  ).id;
  lead.queued = (await assignedMql(t.db, s.frRep, new Date(Date.now() - 2 * hour))).id;
  lead.late = (await assignedMql(t.db, s.frRep2, new Date(Date.now() - 30 * 24 * hour))).id;
}, 120_000);

afterAll(async () => {
  await stopJobs();
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});

// --- One typed call per operation -----------------------------------------------------------------

describe("the typed client and the routes agree", () => {
  it("administration: health, the document, API keys", async () => {
    as(null);
    const health = await ok(client.GET("/api/health"), 200);
    expect(health.database).toBe(t.url ? "postgres" : "pglite");
    const doc = await ok(client.GET("/api/v1/openapi.json"), 200);
    expect(doc.openapi).toMatch(/^3\.1/);

    as(s.admin);
    const created = await ok(
      client.POST("/api/v1/api-keys", {
        body: { name: "Tracking", scopes: ["events:write"] },
      }),
      201,
    );
    expect(created.data.scopes).toEqual(["events:write"]);
    ids.key = created.data.id;
    ids.secret = created.data.secret;
    const keys = await ok(client.GET("/api/v1/api-keys"), 200);
    expect(keys.data.map((k) => k.id)).toContain(ids.key);
  });

  it("teams: overview, a new team, its countries and holidays, a rep's settings", async () => {
    as(s.admin);
    const overview = await ok(client.GET("/api/v1/teams"), 200);
    expect(overview.data.teams.map((team) => team.id)).toContain(s.fr.id);

    const team = await ok(
      client.POST("/api/v1/teams", { body: { name: "DACH", timeZone: "Europe/Berlin" } }),
      201,
    );
    expect(team.data.created).toBe(true);
    ids.team = team.data.id;
    const renamed = await ok(
      client.PATCH("/api/v1/teams/{id}", {
        params: { path: { id: ids.team } },
        body: { name: "DACH & Benelux", timeZone: "Europe/Berlin" },
      }),
      200,
    );
    expect(renamed.data.name).toBe("DACH & Benelux");
    const territories = await ok(
      client.PUT("/api/v1/teams/{id}/territories", {
        params: { path: { id: ids.team } },
        body: { countries: ["DE", "AT", "NL"] },
      }),
      200,
    );
    expect(territories.data.countries).toEqual(["AT", "DE", "NL"]);
    const holidays = await ok(
      client.PUT("/api/v1/teams/{id}/holidays", {
        params: { path: { id: ids.team } },
        body: { holidays: ["2026-12-25", "2026-12-24"] },
      }),
      200,
    );
    expect(holidays.data.holidays).toEqual(["2026-12-24", "2026-12-25"]);
    const user = await ok(
      client.PATCH("/api/v1/users/{id}", {
        params: { path: { id: s.usRep.id } },
        body: { capacity: 40 },
      }),
      200,
    );
    expect(user.data.capacity).toBe(40);
  });

  it("users: list, create with an invitation, a new link", async () => {
    as(s.admin);
    const created = await ok(
      client.POST("/api/v1/users", {
        body: { name: "Iris", email: "iris@example.test", role: "rep", teamId: s.fr.id },
      }),
      201,
    );
    expect(created.data.invitation?.path).toMatch(/^\/invite\//);
    const users = await ok(client.GET("/api/v1/users"), 200);
    expect(users.data.map((u) => u.email)).toContain("iris@example.test");
    const link = await ok(
      client.POST("/api/v1/users/{id}/invitation", {
        params: { path: { id: created.data.user.id } },
      }),
      201,
    );
    expect(link.data.expiresAt).toBeTruthy();
  });

  it("leads and ingestion: upsert, events by API key and by Segment, list, timeline", async () => {
    as(s.admin);
    const upserted = await ok(
      client.POST("/api/v1/leads", {
        body: {
          email: "greta@example.de",
          firstName: "Greta",
          lastName: "Gruber",
          company: "Netzwerk AG",
          country: "DE",
          phone: "+49 30 1234567",
          source: "ads",
        },
      }),
      201,
    );
    const one = "data" in upserted && !Array.isArray(upserted.data) ? upserted.data : null;
    if (!one) throw new Error("One lead in, one lead out.");
    expect(one.created).toBe(true);
    lead.greta = one.id;

    as(null);
    const bearer = { Authorization: `Bearer ${ids.secret}` };
    const ingested = await ok(
      client.POST("/api/v1/events", {
        headers: bearer,
        body: {
          events: [
            {
              id: "evt-greta-demo",
              email: "greta@example.de",
              name: "Demo Requested",
              properties: { plan: "enterprise" },
            },
          ],
        },
      }),
      200,
    );
    expect(ingested.accepted).toBe(1);
    const identified = await ok(
      client.POST("/api/segment/v1/{type}", {
        params: { path: { type: "identify" } },
        headers: bearer,
        body: {
          type: "identify",
          messageId: "seg-greta-1",
          userId: "crm-greta",
          traits: { email: "greta@example.de", title: "CFO" },
        },
      }),
      200,
    );
    expect(identified).toMatchObject({ success: true, identified: 1 });

    as(s.admin);
    const list = await ok(client.GET("/api/v1/leads", { params: { query: { q: "Greta" } } }), 200);
    expect(list.data.map((l) => l.id)).toEqual([lead.greta]);
    const events = await ok(
      client.GET("/api/v1/leads/{id}/events", {
        params: { path: { id: lead.greta }, query: { limit: 10 } },
      }),
      200,
    );
    expect(events.data.map((e) => e.name)).toEqual(["Demo Requested"]);
  });

  it("scoring model: read, edit the draft, preview, publish, versions, restore", async () => {
    as(s.admin);
    const active = await ok(client.GET("/api/v1/scoring-model"), 200);
    expect(active.data.version).toBe(1);
    const draft = await ok(client.GET("/api/v1/scoring-model/draft"), 200);
    expect(draft.data.valid && draft.data.updatedBy).toBeNull();

    const saved = await ok(
      client.PUT("/api/v1/scoring-model/draft", {
        body: {
          ...active.data.model,
          rules: [
            ...active.data.model.rules,
            {
              id: "cfo",
              kind: "attribute",
              label: "Finance lead",
              field: "jobTitle",
              op: "eq",
              value: "CFO",
              points: 25,
            },
          ],
        },
      }),
      200,
    );
    expect(saved.data.model.rules.map((r) => r.id)).toContain("cfo");
    const preview = await ok(client.POST("/api/v1/scoring-model/draft/preview", {}), 200);
    expect(preview.data.newlyMql).toBeGreaterThanOrEqual(1);
    const published = await ok(
      // Publishing runs as a job: this client waits for it (else 202 with the job to follow).
      client.POST("/api/v1/scoring-model/publish", {
        body: { note: "Finance leads" },
        headers: { prefer: "wait=60" },
      }),
      200,
    );
    if ("jobId" in published.data) throw new Error("publishing did not finish within the wait");
    expect(published.data).toMatchObject({ version: 2, handedOver: 1 });

    const versions = await ok(client.GET("/api/v1/scoring-model/versions"), 200);
    expect(versions.data.map((v) => v.version)).toEqual([2, 1]);
    const version = await ok(
      client.GET("/api/v1/scoring-model/versions/{version}", {
        params: { path: { version: "2" } },
      }),
      200,
    );
    expect(version.data.note).toBe("Finance leads");
    const suggestions = await ok(client.GET("/api/v1/scoring-model/suggestions"), 200);
    if (!("events" in suggestions.data)) throw new Error("Without `event`, the event names.");
    expect(suggestions.data.events.map((e) => e.value)).toContain("Demo Requested");
    const evidence = await ok(client.GET("/api/v1/thresholds/evidence"), 200);
    expect(evidence.data.handoffs.length).toBeGreaterThan(0);
    const restored = await ok(
      client.POST("/api/v1/scoring-model/versions/{version}/restore", {
        params: { path: { version: "1" } },
      }),
      200,
    );
    expect(restored.data).toMatchObject({ restoredFrom: 1, baseVersion: 2 });
  });

  it("sales: SLA tiers, reasons, the inbox, a touch, a decision, a reassignment, an outcome", async () => {
    as(s.admin);
    const tiers = await ok(client.GET("/api/v1/sla-policies"), 200);
    expect(tiers.data.map((p) => p.name)).toEqual(["Hot", "Standard"]);
    const replaced = await ok(
      client.PUT("/api/v1/sla-policies", {
        body: {
          policies: tiers.data.map(({ position: _, ...policy }) => ({
            ...policy,
            reassignOnBreach: false,
          })),
        },
      }),
      200,
    );
    expect(replaced.data.map((p) => p.id)).toEqual(tiers.data.map((p) => p.id));

    const reasons = await ok(
      client.GET("/api/v1/reasons", { params: { query: { kind: "reject" } } }),
      200,
    );
    expect(reasons.data.map((r) => r.code)).toContain("no_response");
    const reason = await ok(
      client.POST("/api/v1/reasons", {
        body: {
          kind: "reject",
          code: "budget_frozen",
          labels: { en: "Budget frozen", fr: "Budget gelé" },
        },
      }),
      201,
    );
    ids.reason = reason.data.id;
    const moved = await ok(
      client.PATCH("/api/v1/reasons/{id}", {
        params: { path: { id: ids.reason } },
        body: { position: 0, labels: { en: "Budget frozen this year" } },
      }),
      200,
    );
    expect(moved.data).toMatchObject({ position: 0, labels: { en: "Budget frozen this year" } });

    as(s.frRep);
    const inbox = await ok(client.GET("/api/v1/inbox", { params: { query: { limit: 50 } } }), 200);
    expect(inbox.data.map((row) => row.id)).toContain(lead.mql);
    const touch = await ok(
      client.POST("/api/v1/leads/{id}/touches", {
        params: { path: { id: lead.mql } },
        body: { channel: "call", outcome: "connected", note: "Spoke to the CTO" },
      }),
      201,
    );
    expect(touch.data.sla?.touchesDone).toBe(1);
    const decision = await ok(
      client.POST("/api/v1/leads/{id}/decisions", {
        params: { path: { id: lead.mql } },
        body: {
          kind: "accept",
          bant: { budget: "40 k€", authority: "CTO", need: "PBX", timeframe: "Q1" },
        },
      }),
      201,
    );
    expect(decision.data.stage).toBe("sal");

    as(s.frManager);
    const reps = await ok(client.GET("/api/v1/inbox/reps"), 200);
    expect(reps.data.map((r) => r.id)).toContain(s.frRep2.id);
    const reassigned = await ok(
      client.POST("/api/v1/leads/{id}/assign", {
        params: { path: { id: lead.queued } },
        body: { repId: s.frRep2.id },
      }),
      200,
    );
    expect(reassigned.data.owner.id).toBe(s.frRep2.id);

    as(s.admin);
    const outcomes = await ok(
      client.POST("/api/v1/outcomes", {
        body: { outcomes: [{ lead: { id: lead.mql }, stage: "opportunity", note: "CRM deal" }] },
      }),
      200,
    );
    expect(outcomes.data.recorded).toBe(1);
  });

  it("the test clock's sweep notifies the manager of a breach, who marks it read", async () => {
    vi.stubEnv("ACCORD_TEST_CLOCK", "1");
    try {
      as(null);
      const clock = await ok(client.GET("/api/v1/test/clock"), 200);
      expect(Date.parse(clock.data.now)).toBeGreaterThan(0);
      const swept = await ok(client.POST("/api/v1/test/clock", { body: { reset: true } }), 200);
      expect(swept.data.breaches).toBeGreaterThanOrEqual(1);
    } finally {
      setTestClock(null);
      vi.unstubAllEnvs();
    }

    as(s.frManager);
    const notifications = await ok(
      client.GET("/api/v1/notifications", { params: { query: { unread: "true" } } }),
      200,
    );
    const breaches = notifications.data.filter((n) => n.leadId === lead.late);
    expect(breaches.map((n) => n.kind)).toContain("sla_breach_first_touch");
    const marked = await ok(
      client.POST("/api/v1/notifications/read", { body: { ids: breaches.map((n) => n.id) } }),
      200,
    );
    expect(marked.data.marked).toBe(breaches.length);
  });

  it("reports, the recalibration assistant and the predictive score", async () => {
    as(s.admin);
    const settings = await ok(
      client.PUT("/api/v1/reports/settings", {
        body: { targetRate: 0.3, targetStage: "opportunity", outcomeWindowDays: 90 },
      }),
      200,
    );
    expect(settings.data.targetRate).toBe(0.3);
    const read = await ok(client.GET("/api/v1/reports/settings"), 200);
    expect(read.data.outcomeWindowDays).toBe(90);

    const funnel = json(
      await ok(
        client.GET("/api/v1/reports/funnel", {
          params: { query: { split: "source", grain: "month" } },
        }),
        200,
      ),
    );
    expect(funnel.data.totals.mqls).toBeGreaterThanOrEqual(320);
    const calibration = json(
      await ok(
        client.GET("/api/v1/reports/calibration", {
          params: { query: { target: "opportunity" } },
        }),
        200,
      ),
    );
    expect(calibration.data.deciles.length).toBeGreaterThan(0);
    const rules = json(await ok(client.GET("/api/v1/reports/rules"), 200));
    const included = await ok(
      client.PUT("/api/v1/predictive/settings", {
        body: { includedAttributes: ["traits.lead_quality"] },
      }),
      200,
    );
    expect(included.data.includedAttributes).toEqual(["traits.lead_quality"]);
    await ok(client.PUT("/api/v1/predictive/settings", { body: { includedAttributes: [] } }), 200);
    const analysis = await ok(client.POST("/api/v1/reports/rules/analysis"), 202);
    expect(analysis.data.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rules.data.modelVersion).toBe(2);
    const sla = json(await ok(client.GET("/api/v1/reports/sla"), 200));
    expect(sla.data.overall.clocks).toBeGreaterThanOrEqual(3);
    const reasons = json(
      await ok(client.GET("/api/v1/reports/reasons", { params: { query: { locale: "fr" } } }), 200),
    );
    expect(reasons.data.grain).toBe("week");

    const threshold = await ok(
      client.GET("/api/v1/recalibration/threshold", { params: { query: { weeks: "26" } } }),
      200,
    );
    expect(threshold.data.curve.length).toBeGreaterThan(0);
    const trained = await ok(
      client.POST("/api/v1/predictive/train", { headers: { prefer: "wait=60" } }),
      200,
    );
    if ("jobId" in trained.data) throw new Error("training did not finish within the wait");
    expect(trained.data.status).toBe("ready");
    const summary = await ok(client.GET("/api/v1/predictive"), 200);
    expect(summary.data?.id).toBe(trained.data.id);
    const applied = await ok(
      client.POST("/api/v1/recalibration/draft", {
        body: {
          mqlThreshold: 55,
          rules: [{ ruleId: "demo", points: 35 }],
          note: "From the recalibration assistant",
        },
      }),
      200,
    );
    expect(applied.data.draft.mqlThreshold).toBe(55);
  });

  it("exports: the filtered leads and the history of a period as CSV", async () => {
    as(s.admin);
    const csv = (answer: unknown) => {
      if (typeof answer !== "string") throw new Error("Expected CSV text.");
      return answer.split("\r\n")[0];
    };
    const leads = await ok(
      client.GET("/api/v1/exports/leads", {
        params: { query: { stage: "opportunity" } },
        parseAs: "text",
      }),
      200,
    );
    expect(csv(leads)).toMatch(/^id,email,/);
    for (const path of [
      "/api/v1/exports/events",
      "/api/v1/exports/decisions",
      "/api/v1/exports/transitions",
    ] as const) {
      const history = await ok(
        client.GET(path, { params: { query: { from: "2020-01-01" } }, parseAs: "text" }),
        200,
      );
      expect(csv(history)).toMatch(/^id,/);
    }
  });

  it("a lead reads back with its touch, decision, outcome and prediction", async () => {
    as(s.admin);
    const read = await ok(
      client.GET("/api/v1/leads/{id}", { params: { path: { id: lead.mql } } }),
      200,
    );
    expect(read.data.stage).toBe("opportunity");
    expect(read.data.decisions.map((d) => d.kind)).toEqual(["accept"]);
    expect(read.data.touches.map((touch) => touch.note)).toEqual(["Spoke to the CTO"]);
    expect(read.data.prediction?.probability).toBeGreaterThan(0);
  });

  it("background jobs: one job's state, the list, cancelling", async () => {
    as(s.admin);
    // Due in an hour: it stays queued while the test reads and cancels it.
    const queued = await enqueue(
      t.db,
      predictTrainJob,
      {},
      { runAt: new Date(Date.now() + 3_600_000) },
    );
    const job = await ok(
      client.GET("/api/v1/jobs/{id}", { params: { path: { id: queued } } }),
      200,
    );
    expect(job.data.state).toBe("queued");
    const list = await ok(
      client.GET("/api/v1/jobs", { params: { query: { name: "predict-train" } } }),
      200,
    );
    expect(list.data.map((j) => j.id)).toContain(queued);
    const cancelled = await ok(
      client.POST("/api/v1/jobs/{id}/cancel", { params: { path: { id: queued } } }),
      200,
    );
    expect(cancelled.data.state).toBe("cancelled");
  });

  it("webhooks: an endpoint, a test event, its log, a resend, a new secret, removal", async () => {
    as(s.admin);
    const receiver = await startReceiver();
    try {
      const created = await ok(
        client.POST("/api/v1/webhooks", {
          body: { url: receiver.url, description: "CRM", eventTypes: ["lead.mql"] },
        }),
        201,
      );
      expect(created.data.secret).toMatch(/^whsec_/);
      const id = created.data.id;
      const list = await ok(client.GET("/api/v1/webhooks"), 200);
      expect(list.data.map((e) => e.id)).toContain(id);
      const edited = await ok(
        client.PATCH("/api/v1/webhooks/{id}", {
          params: { path: { id } },
          body: { eventTypes: ["lead.mql", "sla.breached"] },
        }),
        200,
      );
      expect(edited.data.eventTypes).toEqual(["lead.mql", "sla.breached"]);
      const queued = await ok(
        client.POST("/api/v1/webhooks/{id}/test", { params: { path: { id } } }),
        202,
      );
      expect(queued.data.status).toBe("pending");
      await deliverDue(t.db, id);
      const log = await ok(
        client.GET("/api/v1/webhooks/{id}/deliveries", {
          params: { path: { id }, query: { limit: 10 } },
        }),
        200,
      );
      expect(log.data[0]).toMatchObject({ id: queued.data.id, status: "succeeded" });
      const resent = await ok(
        client.POST("/api/v1/webhooks/{id}/deliveries/{deliveryId}/resend", {
          params: { path: { id, deliveryId: queued.data.id } },
        }),
        200,
      );
      expect(resent.data.status).toBe("pending");
      const rotated = await ok(
        client.POST("/api/v1/webhooks/{id}/rotate-secret", { params: { path: { id } } }),
        200,
      );
      expect(rotated.data.secret).not.toBe(created.data.secret);
      const removed = await client.DELETE("/api/v1/webhooks/{id}", { params: { path: { id } } });
      expect(removed.response.status).toBe(204);
    } finally {
      await receiver.close();
    }
  });

  it("imports: inspect a CSV, a dry run, the import, its failed rows, saved mappings, cancel", async () => {
    as(s.admin);
    const csv =
      "Email,First name,Company,Country\nada@import.test,Ada,Acme,FR\nnot-an-email,Bob,Beta,XX\n";
    const form = () => {
      const body = new FormData();
      body.set("file", new Blob([csv], { type: "text/csv" }), "leads.csv");
      return body;
    };
    const multipart = { bodySerializer: (b: unknown) => b as FormData };
    const inspected = await ok(
      client.POST("/api/v1/imports/inspect", { body: form() as never, ...multipart }),
      200,
    );
    expect(inspected.data).toMatchObject({
      delimiter: ",",
      hasHeader: true,
      suggestedKind: "leads",
    });
    const start = (dryRun: boolean) => {
      const body = new FormData();
      body.set("uploadId", inspected.data.uploadId);
      body.set("kind", "leads");
      body.set("mapping", JSON.stringify(inspected.data.mapping));
      body.set("dryRun", String(dryRun));
      return ok(client.POST("/api/v1/imports", { body: body as never, ...multipart }), 202);
    };
    const done = async (id: string) => {
      for (let i = 0; i < 200; i++) {
        const one = await ok(client.GET("/api/v1/imports/{id}", { params: { path: { id } } }), 200);
        if (["done", "failed", "cancelled"].includes(one.data.state)) return one.data;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("the import did not finish");
    };
    const dry = await done((await start(true)).data.id);
    expect(dry).toMatchObject({ state: "done", dryRun: true, counts: { created: 1, failed: 1 } });
    const real = await done((await start(false)).data.id);
    expect(real.counts).toMatchObject({ created: 1, failed: 1 });
    const failed = await client.GET("/api/v1/imports/{id}/failed.csv", {
      params: { path: { id: real.id } },
      parseAs: "text",
    });
    expect(failed.response.status).toBe(200);
    expect(String(failed.data)).toContain("not-an-email");
    const list = await ok(client.GET("/api/v1/imports", { params: { query: { limit: 5 } } }), 200);
    expect(list.data.map((i) => i.id)).toContain(real.id);
    const cancelled = await ok(
      client.POST("/api/v1/imports/{id}/cancel", { params: { path: { id: real.id } } }),
      200,
    );
    expect(cancelled.data.state).toBe("done"); // finished already: cancelling changes nothing
    const saved = await ok(
      client.POST("/api/v1/import-mappings", {
        body: { name: "CRM leads", kind: "leads", mapping: inspected.data.mapping },
      }),
      201,
    );
    const mappings = await ok(
      client.GET("/api/v1/import-mappings", { params: { query: { kind: "leads" } } }),
      200,
    );
    expect(mappings.data.map((m) => m.name)).toContain("CRM leads");
    await ok(
      client.DELETE("/api/v1/import-mappings/{id}", { params: { path: { id: saved.data.id } } }),
      204,
    );
  });

  it("privacy: a lead's export and erasure, the event retention and its run", async () => {
    as(s.admin);
    const created = await ok(
      client.POST("/api/v1/leads", {
        body: { email: "forget.me@agree.test", consent: true, consentSource: "web_form" },
      }),
      201,
    );
    const id = (created as { data: { id: string } }).data.id;
    const exported = await ok(
      client.GET("/api/v1/leads/{id}/export", { params: { path: { id } } }),
      200,
    );
    expect(exported.data.lead.consent_source).toBe("web_form");
    const erased = await ok(client.DELETE("/api/v1/leads/{id}", { params: { path: { id } } }), 200);
    expect(erased.data.counts.suppressed).toBe(1);
    const off = await ok(client.GET("/api/v1/privacy/retention"), 200);
    expect(off.data.eventRetentionMonths).toBeNull();
    const saved = await ok(
      client.PUT("/api/v1/privacy/retention", { body: { eventRetentionMonths: 120 } }),
      200,
    );
    expect(saved.data.eventRetentionMonths).toBe(120);
    const run = await ok(client.POST("/api/v1/privacy/retention/run"), 202);
    expect(run.data.jobId).toBeTruthy();
  });

  it("destructive last: delete a reason never used, revoke the API key", async () => {
    as(s.admin);
    const deleted = await ok(
      client.DELETE("/api/v1/reasons/{id}", { params: { path: { id: ids.reason } } }),
      200,
    );
    expect(deleted.data).toEqual({ deleted: true, reason: null });
    const revoked = await client.DELETE("/api/v1/api-keys/{id}", {
      params: { path: { id: ids.key } },
    });
    expect(revoked.response.status).toBe(204);
  });

  it("reached every operation, each with a 2xx its contract declares", () => {
    expect([...reached.keys()].sort()).toEqual(ALL_CONTRACTS.map((c) => c.operationId).sort());
    const declared = (c: Contract) => Object.keys(c.responses).map(Number);
    for (const contract of ALL_CONTRACTS)
      for (const status of reached.get(contract.operationId) ?? [])
        expect(
          declared(contract).filter((s) => s < 300),
          contract.operationId,
        ).toContain(status);
  });
});
