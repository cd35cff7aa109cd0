import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { ApiError } from "../api";
import {
  applyToDraft,
  recalibrationQueries,
  reportCsvHref,
  reportQueries,
  saveReportSettings,
  trainPredictive,
  type ReportFilters,
} from "./reports";
import { previewModel, publishDraft, restoreVersion, saveDraft, scoringQueries } from "./scoring";
import { createWebhook, resendWebhookDelivery, webhookQueries } from "./webhooks";

// The client captures fetch and Request when it is created, and the browser resolves its
// relative addresses against the page: both are stood in for before lib/client/api loads.
const sent = vi.hoisted(() => {
  const requests: Request[] = [];
  const answer = { status: 200, body: { data: { properties: [] } } as unknown };
  const RelativeRequest = class extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === "string" ? new URL(input, "http://app.test") : input, init);
    }
  };
  globalThis.Request = RelativeRequest;
  globalThis.fetch = async (input: RequestInfo | URL) => {
    requests.push(input as Request);
    return Response.json(answer.body, { status: answer.status });
  };
  return { requests, answer };
});

/** Method, address (path and query) and body of the only request made. */
async function only() {
  expect(sent.requests).toHaveLength(1);
  const [request] = sent.requests;
  const url = new URL(request.url);
  return {
    method: request.method,
    url: url.pathname + url.search,
    body: await request.text(),
    type: request.headers.get("content-type"),
  };
}

const client = () => new QueryClient();
const model = { name: "M", rules: [] } as unknown as ScoringModel;
const filters = {
  from: "2025-01-01",
  to: "2025-03-31",
  team: "t1",
  rep: "r1",
  grain: "week" as const,
};

beforeEach(() => {
  sent.requests.length = 0;
  sent.answer.status = 200;
  sent.answer.body = { data: { properties: [] } };
});

describe("the scoring queries send what the hand-written calls sent", () => {
  it.each([
    ["draft", () => client().fetchQuery(scoringQueries.draft()), "/api/v1/scoring-model/draft"],
    [
      "suggestions",
      () => client().fetchQuery(scoringQueries.suggestions()),
      "/api/v1/scoring-model/suggestions",
    ],
    [
      "an event's properties",
      () => client().fetchQuery(scoringQueries.properties("page view")),
      "/api/v1/scoring-model/suggestions?event=page%20view",
    ],
    [
      "versions",
      () => client().fetchQuery(scoringQueries.versions()),
      "/api/v1/scoring-model/versions",
    ],
    [
      "one version",
      () => client().fetchQuery(scoringQueries.version(3)),
      "/api/v1/scoring-model/versions/3",
    ],
    [
      "threshold evidence",
      () => client().fetchQuery(scoringQueries.evidence()),
      "/api/v1/thresholds/evidence?model=draft",
    ],
  ])("GET %s", async (_name, run, url) => {
    await run();
    expect(await only()).toMatchObject({ method: "GET", url, body: "" });
  });

  it.each([
    ["PUT", "the draft", () => saveDraft(model, 3), "/api/v1/scoring-model/draft", model],
    [
      "POST",
      "a preview",
      () => previewModel(model, "draft"),
      "/api/v1/scoring-model/draft/preview?against=draft",
      model,
    ],
    [
      "POST",
      "a publish",
      () => publishDraft("why"),
      "/api/v1/scoring-model/publish",
      { note: "why" },
    ],
  ])("%s %s as JSON", async (method, _name, run, url, body) => {
    await run();
    const request = await only();
    expect(request).toMatchObject({ method, url, type: "application/json" });
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("POSTs a restore without a body", async () => {
    await restoreVersion(3);
    expect(await only()).toMatchObject({
      method: "POST",
      url: "/api/v1/scoring-model/versions/3/restore",
      body: "",
      type: null,
    });
  });

  it("keys the preview by what it compares with, the live version and the model; one draft key", () => {
    expect(scoringQueries.preview(model, "live", 4).queryKey).toEqual([
      "scoring",
      "preview",
      "live",
      4,
      JSON.stringify(model),
    ]);
    expect(scoringQueries.preview(null, "draft", null).queryKey).toEqual([
      "scoring",
      "preview",
      "draft",
      null,
      "none",
    ]);
    expect(scoringQueries.draft().queryKey).toEqual(["scoring", "draft"]);
  });
});

describe("the report queries send what the hand-written calls sent", () => {
  const q = "from=2025-01-01&to=2025-03-31&team=t1&rep=r1&grain=week";
  // The page's filters always carry `grain`, also to reports whose contract leaves it out.
  const monthly: ReportFilters = { grain: "month" };
  it.each([
    [
      "funnel",
      () => client().fetchQuery(reportQueries.funnel({ ...filters, split: "source" })),
      `funnel?${q}&split=source`,
    ],
    [
      "calibration",
      () => client().fetchQuery(reportQueries.calibration({ ...filters, target: "qualified" })),
      `calibration?${q}&target=qualified`,
    ],
    [
      "rules",
      () => client().fetchQuery(reportQueries.rules({ ...filters, target: "won" })),
      `rules?${q}&target=won`,
    ],
    ["sla", () => client().fetchQuery(reportQueries.sla(filters)), `sla?${q}`],
    [
      "reasons",
      () => client().fetchQuery(reportQueries.reasons({ ...filters, locale: "fr" })),
      `reasons?${q}&locale=fr`,
    ],
    ["sla, unfiltered", () => client().fetchQuery(reportQueries.sla(monthly)), "sla?grain=month"],
  ])("GET %s", async (_name, run, path) => {
    await run();
    expect(await only()).toMatchObject({ method: "GET", url: `/api/v1/reports/${path}` });
  });

  it("links the CSV with the same query and format=csv", () => {
    expect(reportCsvHref("rules", { ...filters, target: "won" })).toBe(
      `/api/v1/reports/rules?${q}&target=won&format=csv`,
    );
  });

  it("GETs and PUTs the settings", async () => {
    await client().fetchQuery(reportQueries.settings());
    expect(await only()).toMatchObject({ method: "GET", url: "/api/v1/reports/settings" });
    sent.requests.length = 0;
    const settings = {
      targetRate: 0.3,
      targetStage: "opportunity",
      outcomeWindowDays: 90,
    } as const;
    await saveReportSettings(settings);
    const request = await only();
    expect(request).toMatchObject({ method: "PUT", url: "/api/v1/reports/settings" });
    expect(JSON.parse(request.body)).toEqual(settings);
  });

  it("asks the threshold assistant with the capacity only when given", async () => {
    const input = { target: "qualified", rate: 0.3, capacity: null } as const;
    await client().fetchQuery(recalibrationQueries.threshold(input));
    expect((await only()).url).toBe("/api/v1/recalibration/threshold?target=qualified&rate=0.3");
    sent.requests.length = 0;
    await client().fetchQuery(recalibrationQueries.threshold({ ...input, capacity: 40 }));
    expect((await only()).url).toBe(
      "/api/v1/recalibration/threshold?target=qualified&rate=0.3&capacity=40",
    );
    sent.requests.length = 0;
    await client().fetchQuery(recalibrationQueries.threshold({ ...input, model: "draft" }));
    expect((await only()).url).toBe(
      "/api/v1/recalibration/threshold?target=qualified&rate=0.3&model=draft",
    );
  });

  it("reads and trains the predictive score, and writes suggestions into the draft", async () => {
    await client().fetchQuery(recalibrationQueries.predictive());
    expect(await only()).toMatchObject({ method: "GET", url: "/api/v1/predictive" });
    sent.requests.length = 0;
    await trainPredictive();
    expect(await only()).toMatchObject({ method: "POST", url: "/api/v1/predictive/train" });
    sent.requests.length = 0;
    const changes = { mqlThreshold: 55, note: "n" };
    await applyToDraft(changes);
    const request = await only();
    expect(request).toMatchObject({ method: "POST", url: "/api/v1/recalibration/draft" });
    expect(JSON.parse(request.body)).toEqual(changes);
  });

  it("throws the one ApiError with the server's code and fields", async () => {
    sent.answer.status = 422;
    sent.answer.body = {
      error: { code: "unprocessable", message: "No.", fields: { "$.x": ["bad"] } },
    };
    const error = await saveDraft(model, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "unprocessable", status: 422, fields: { "$.x": ["bad"] } });
  });
});

describe("the webhook queries", () => {
  it("page the delivery log by the last id seen", async () => {
    sent.answer.body = { data: [], nextCursor: "41" };
    await client().fetchInfiniteQuery({ ...webhookQueries.deliveries("e1"), pages: 2 });
    expect(sent.requests.map((r) => new URL(r.url).pathname + new URL(r.url).search)).toEqual([
      "/api/v1/webhooks/e1/deliveries?limit=20",
      "/api/v1/webhooks/e1/deliveries?limit=20&cursor=41",
    ]);
  });

  it("sends an endpoint as JSON and the actions without a body", async () => {
    await createWebhook({ url: "https://crm.test/h", description: "", eventTypes: ["lead.mql"] });
    const created = await only();
    expect(created).toMatchObject({ method: "POST", url: "/api/v1/webhooks" });
    expect(JSON.parse(created.body)).toEqual({
      url: "https://crm.test/h",
      description: "",
      eventTypes: ["lead.mql"],
    });
    sent.requests.length = 0;
    await resendWebhookDelivery("e1", 7);
    expect(await only()).toMatchObject({
      method: "POST",
      url: "/api/v1/webhooks/e1/deliveries/7/resend",
      body: "",
    });
  });
});
