/**
 * The recalibration assistant and the predictive score through their routes (the session lookup is
 * the one thing mocked): train, read, threshold recommendation, suggestions written to the draft.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startJobs, stopJobs, waitForJob } from "@/lib/jobs/queue";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import {
  predictiveResponseSchema,
  recalibrationDraftResponseSchema,
  thresholdResponseSchema,
  trainResponseSchema,
} from "@/lib/http/contracts/predict-responses";
import { inboxResponseSchema } from "@/lib/http/contracts/sales-responses";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { publishTestModel, seedHandoffs } from "@/lib/domain/predict/test-seed";
import { getPredictiveSummary } from "@/lib/domain/predict/train";
import type { PredictiveSummary } from "@/lib/domain/predict/types";
import { getActiveModel, getDraft } from "@/lib/domain/scoring/versions";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const thresholdRoute = await import("./threshold/route");
const draftRoute = await import("./draft/route");
const predictiveRoute = await import("../predictive/route");
const trainRoute = await import("../predictive/train/route");
const leadRoute = await import("../leads/[id]/route");
const inboxRoute = await import("../inbox/route");
const settingsRoute = await import("../reports/settings/route");

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
let mqlId: string;
let trained: PredictiveSummary;
let reportsKey: string;
let modelKey: string;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const bearer = (key?: string): Record<string, string> =>
  key ? { authorization: `Bearer ${key}` } : {};
const get = (path = "/api/v1/x", key?: string) =>
  new Request(`http://accord.test${path}`, { headers: bearer(key) });
const post = (body?: unknown, key?: string, headers: Record<string, string> = {}) =>
  new Request("http://accord.test/api/v1/x", {
    method: "POST",
    headers: { "content-type": "application/json", ...bearer(key), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
/** Training runs as a job: these requests wait for it, as the web app does. */
const waiting = { prefer: "wait=60" };
const as = (actor: Actor | null) => (session.actor = actor);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  await startJobs({ work: true, schedule: false });
  s = await salesTeams(t.db);
  reportsKey = (await createApiKey(t.db, { name: "BI", scopes: ["reports:read"] }, null)).secret;
  modelKey = (await createApiKey(t.db, { name: "Ops", scopes: ["model:write"] }, null)).secret;
  await publishTestModel(t.db, 1, {
    rules: [
      { id: "demo", kind: "event", label: "Demo requested", event: "Demo Requested", points: 20 },
    ],
  });
  const now = new Date();
  await seedHandoffs(t.db, now, [
    { source: "webinar", count: 150, rate: 0.6, score: (i) => 50 + (i % 40) },
    { source: "ads", count: 170, rate: 0.1, score: (i) => 50 + (i % 40) },
  ]);
  mqlId = (
    await assignedMql(
      t.db,
      s.frRep,
      new Date(Date.now() - 3_600_000),
      { total: 70, modelVersion: 1 },
      { source: "webinar" },
    )
  ).id;
});
afterAll(async () => {
  await stopJobs();
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => as(null));

describe("predictive score API", () => {
  it("is for report readers; null before the first training", async () => {
    expect((await predictiveRoute.GET(get(), ctx())).status).toBe(401);
    as(s.frRep);
    expect((await predictiveRoute.GET(get(), ctx())).status).toBe(403);
    as(s.marketer);
    expect(
      predictiveResponseSchema.parse(await (await predictiveRoute.GET(get(), ctx())).json()).data,
    ).toBeNull();
    expect((await trainRoute.POST(post(), ctx())).status).toBe(403);
  });

  it("is readable with a reports:read key; training takes a model:write key", async () => {
    const read = await predictiveRoute.GET(get("/api/v1/predictive", reportsKey), ctx());
    expect(read.status).toBe(200);
    expect((await read.json()).data).toBeNull();
    const train = await trainRoute.POST(post(undefined, reportsKey), ctx());
    expect(train.status).toBe(403);
    expect((await train.json()).error.message).toMatch(/lacks the "model:write" scope/);
    const byKey = await trainRoute.POST(post(undefined, modelKey, waiting), ctx());
    expect(byKey.status).toBe(200);
    expect(trainResponseSchema.parse(await byKey.json()).data).toMatchObject({ status: "ready" });
  });

  it("trains on the handoffs, scores open leads, and shows the prediction on the lead and in the inbox", async () => {
    as(s.frManager);
    const response = await trainRoute.POST(post(undefined, undefined, waiting), ctx());
    expect(response.status).toBe(200);
    trained = trainResponseSchema.parse(await response.json()).data as PredictiveSummary;
    expect(trained.status).toBe("ready");
    expect(trained.auc!).toBeGreaterThan(0.7);
    expect(
      trained.suggestions.newRules.find(
        (r) => r.rule.field === "source" && r.rule.value === "webinar",
      )?.rule.points,
    ).toBeGreaterThan(0);
    as(s.marketer);
    expect(
      predictiveResponseSchema.parse(await (await predictiveRoute.GET(get(), ctx())).json()).data,
    ).toMatchObject({ id: trained.id, status: "ready" });
    as(s.admin);
    const lead = await (await leadRoute.GET(get(), ctx({ id: mqlId }))).json();
    expect(lead.data.prediction).toMatchObject({
      modelId: trained.id,
      probability: expect.any(Number),
    });
    expect(lead.data.prediction.probability).toBeGreaterThan(0.4);
    as(s.frRep);
    const inbox = inboxResponseSchema.parse(await (await inboxRoute.GET(get(), ctx())).json());
    expect(inbox.data.find((r) => r.id === mqlId)?.prediction).toBeCloseTo(
      lead.data.prediction.probability,
      10,
    );
  });
});

describe("threshold recommendation API", () => {
  it("validates its query with clear messages", async () => {
    as(s.marketer);
    const bad = await thresholdRoute.GET(
      get("/api/v1/recalibration/threshold?rate=lots&weeks=0&target=sale"),
      ctx(),
    );
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.fields).toMatchObject({
      rate: ["rate must be a number."],
      weeks: ["weeks is a whole number from 1 to 104."],
    });
    expect(error.fields.target[0]).toMatch(/target must be one of/);
  });

  it("recommends a threshold from the backtest", async () => {
    as(s.marketer);
    const response = await thresholdRoute.GET(
      get("/api/v1/recalibration/threshold?rate=0.3&capacity=100&weeks=26"),
      ctx(),
    );
    expect(response.status).toBe(200);
    const { data } = thresholdResponseSchema.parse(await response.json());
    expect(data).toMatchObject({
      target: "opportunity",
      targetRate: 0.3,
      capacityPerWeek: 100,
      // Handoffs from 160 days ago to an hour ago: the weeks the history covers.
      weeks: 23,
      reason: "meets_rate_and_capacity",
      current: { threshold: 50 },
      model: "live",
      version: 1,
    });
    // Backtested under the live model (one event rule; the seeded leads have no events), every
    // past handoff scores 0 — not the 50–89 recorded when they were handed over.
    expect(data.curve.map((p) => p.threshold)).toEqual([0]);
  });

  it("defaults to the report settings and the reps' capacity, for keys too", async () => {
    const response = await thresholdRoute.GET(
      get("/api/v1/recalibration/threshold", reportsKey),
      ctx(),
    );
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({ target: "opportunity", targetRate: 0.3, weeks: 23 });
    expect(data.capacityPerWeek).toBe(150);
    expect(data.outcomesSince).toEqual(expect.any(String));
    expect(data.windowEnd).toEqual(expect.any(String));
  });
});

describe("recalibration draft API", () => {
  it("writes the picked changes to the draft and leaves the active model alone", async () => {
    const newRule = trained.suggestions.newRules.find((r) => r.rule.value === "webinar")!.rule;
    as(s.frRep);
    expect((await draftRoute.POST(post({ mqlThreshold: 60 }), ctx())).status).toBe(403);
    // Managers may not edit the draft (its own routes refuse them): nor through recalibration.
    as(s.frManager);
    expect((await draftRoute.POST(post({ mqlThreshold: 60 }), ctx())).status).toBe(403);
    as(s.marketer);
    expect((await draftRoute.POST(post({}), ctx())).status).toBe(400);
    const unknown = await draftRoute.POST(post({ rules: [{ ruleId: "nope", points: 3 }] }), ctx());
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/no rule "nope"/);
    const response = await draftRoute.POST(
      post({
        mqlThreshold: 65,
        rules: [{ ruleId: "demo", points: 30 }],
        newRules: [newRule],
        note: "From the assistant",
      }),
      ctx(),
    );
    expect(response.status).toBe(200);
    const { data } = recalibrationDraftResponseSchema.parse(await response.json());
    expect(data.changed).toHaveLength(3);
    expect(data.draft).toMatchObject({
      mqlThreshold: 65,
      rules: [
        { id: "demo", points: 30 },
        { id: newRule.id, field: "source", value: "webinar" },
      ],
    });
    const draft = await getDraft(t.db);
    expect(draft?.document).toMatchObject({ mqlThreshold: 65 });
    const active = await getActiveModel(t.db);
    expect(active).toMatchObject({
      version: 1,
      model: { mqlThreshold: 50, rules: [{ id: "demo", points: 20 }] },
    });
    // Applying to the draft again builds on it; a duplicate new rule is refused.
    expect((await draftRoute.POST(post({ newRules: [newRule] }), ctx())).status).toBe(409);
  });

  it("refuses a change that makes the model invalid (422), and API keys", async () => {
    as(s.marketer);
    const invalid = await draftRoute.POST(
      post({
        newRules: [
          {
            id: "p-planet",
            kind: "attribute",
            label: "Planet",
            field: "planet",
            op: "eq",
            value: "mars",
            points: 5,
          },
        ],
      }),
      ctx(),
    );
    expect(invalid.status).toBe(422);
    const { error } = await invalid.json();
    expect(error.code).toBe("unprocessable");
    expect(Object.keys(error.fields).join(" ")).toMatch(/field/);
    const byKey = await draftRoute.POST(post({ mqlThreshold: 70 }, reportsKey), ctx());
    expect(byKey.status).toBe(403);
    expect((await getDraft(t.db))?.document).toMatchObject({ mqlThreshold: 65 });
    const byModelKey = await draftRoute.POST(post({ mqlThreshold: 66 }, modelKey), ctx());
    expect(byModelKey.status).toBe(200);
    expect((await getDraft(t.db))?.document).toMatchObject({ mqlThreshold: 66 });
  });
});

describe("training as a job", () => {
  it("answers 202 with the job when the client does not wait, and the job ends with a new run", async () => {
    as(s.frManager);
    const response = await trainRoute.POST(post(), ctx());
    expect(response.status).toBe(202);
    const { data } = await response.json();
    const job = await waitForJob(t.db, data.jobId, 30_000);
    expect(job).toMatchObject({
      name: "predict-train",
      state: "done",
      requestedBy: s.frManager.name,
    });
    expect(job?.result).toMatchObject({ status: "ready" });
    // The leads are now scored by this run: later tests compare with it.
    trained = (await getPredictiveSummary(t.db))!;
    expect(trained.id).toBe(job?.result?.modelId);
  });
});

describe("training below the minimum", () => {
  it("stores an insufficient run and leaves the leads' predictions alone", async () => {
    as(s.frManager);
    const settings = await settingsRoute.PUT(
      new Request("http://accord.test/api/v1/reports/settings", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ targetRate: 0.2, targetStage: "won", outcomeWindowDays: 90 }),
      }),
      ctx(),
    );
    expect(settings.status).toBe(200);
    const response = await trainRoute.POST(post(undefined, undefined, waiting), ctx());
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({
      target: "won",
      status: "insufficient",
      decided: 0,
      positives: 0,
      minimum: { decided: 200, positives: 40 },
      since: null,
      auc: null,
      coefficients: [],
    });
    expect(data.id).toBeGreaterThan(trained.id);
    as(s.marketer);
    const latest = (await (await predictiveRoute.GET(get(), ctx())).json()).data;
    expect(latest).toMatchObject({ id: data.id, status: "insufficient" });
    const threshold = await thresholdRoute.GET(get("/api/v1/recalibration/threshold"), ctx());
    expect((await threshold.json()).data).toMatchObject({
      target: "won",
      targetRate: 0.2,
      outcomesSince: null,
      decided: 0,
    });
    as(s.admin);
    const lead = await (await leadRoute.GET(get(), ctx({ id: mqlId }))).json();
    expect(lead.data.prediction.modelId).toBe(trained.id);
  });
});
