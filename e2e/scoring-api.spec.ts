import { gzipSync } from "node:zlib";
import { Analytics } from "@segment/analytics-node";
import { expect, test } from "./test";
import type { APIRequestContext } from "@playwright/test";
import { TEMPLATES } from "../lib/domain/scoring/templates";
import { createApiKey } from "./api-keys";
import { BASE_URL } from "./config";

// Publishing changes the active model for everyone: these run one after the other.
test.describe.configure({ mode: "serial" });

let key: string;
const auth = () => ({ Authorization: `Bearer ${key}` });
const suffix = Date.now().toString(36);
const email = `thibault.${suffix}@horizon-telecom.test`;
const userId = `crm-thibault-${suffix}`;

async function thibaultLead(request: APIRequestContext) {
  const list = await request.get(`/api/v1/leads?email=${encodeURIComponent(email)}`, {
    headers: auth(),
  });
  expect(list.status()).toBe(200);
  const [row] = (await list.json()).data;
  const response = await request.get(`/api/v1/leads/${row.id}`, { headers: auth() });
  expect(response.status()).toBe(200);
  return (await response.json()).data;
}

async function sendThibaultThroughSegment() {
  const analytics = new Analytics({
    writeKey: key,
    host: BASE_URL,
    path: "/api/segment/v1/batch",
    flushAt: 20,
    flushInterval: 200,
    maxRetries: 0,
  });
  const errors: unknown[] = [];
  analytics.on("error", (e) => errors.push(e));
  analytics.identify({
    userId,
    messageId: `${suffix}-id`,
    traits: {
      email,
      firstName: "Thibault",
      lastName: "Marchand",
      title: "Directeur des achats",
      company: { name: "Horizon Télécom" },
      country: "FR",
      phone: "+33 6 12 34 56 78",
      employees: 350,
    },
  });
  const tuesday = new Date(Date.now() - 12 * 86_400_000);
  const at = (days: number) => new Date(tuesday.getTime() + days * 86_400_000);
  analytics.track({
    userId,
    messageId: `${suffix}-1`,
    event: "Link Clicked",
    properties: { channel: "linkedin" },
    timestamp: at(0),
  });
  analytics.page({
    userId,
    messageId: `${suffix}-2`,
    name: "Product",
    properties: { url: "https://www.accord-demo.com/product", path: "/product", title: "Product" },
    timestamp: at(1),
  });
  analytics.track({
    userId,
    messageId: `${suffix}-3`,
    event: "Content Downloaded",
    properties: { asset: "Buyer's guide", asset_type: "guide" },
    timestamp: at(3),
  });
  analytics.track({
    userId,
    messageId: `${suffix}-4`,
    event: "Question Asked",
    properties: { channel: "social" },
    timestamp: at(7),
  });
  await analytics.closeAndFlush({ timeout: 10_000 });
  expect(errors).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  key = await createApiKey(browser, [
    "events:write",
    "leads:read",
    "leads:write",
    "model:read",
    "model:write",
  ]);
});

test("the seed-003 model, Thibault's four actions through the Segment client: 110 points and a four-line receipt", async ({
  request,
}) => {
  const put = await request.put("/api/v1/scoring-model/draft", {
    headers: auth(),
    data: TEMPLATES["seed-003-telecom"],
  });
  expect(put.status()).toBe(200);
  const published = await request.post("/api/v1/scoring-model/publish", {
    // Publishing runs as a job: wait for it to be live.
    headers: { ...auth(), prefer: "wait=60" },
    data: { note: "seed 003 via API" },
  });
  expect(published.status()).toBe(200);
  const { version, leadsRescored, ms } = (await published.json()).data;
  expect(leadsRescored).toBeGreaterThan(1000);
  expect(ms).toBeGreaterThanOrEqual(0);

  await sendThibaultThroughSegment();
  const lead = await thibaultLead(request);
  expect(lead).toMatchObject({
    firstName: "Thibault",
    company: "Horizon Télécom",
    country: "FR",
    externalId: userId,
    companySize: 350,
  });
  expect(lead.score).toMatchObject({ total: 110, modelVersion: version, band: "hot" });
  expect(
    lead.receipt.lines.map((l: { label: string; earned: number }) => [l.label, l.earned]),
  ).toEqual([
    ["Clicked a link in an email or a social post", 15],
    ["Visited the website", 15],
    ["Downloaded a guide", 30],
    ["Asked a question (social media, chat or contact form)", 50],
  ]);

  // The same batch again: stored once, still 110.
  await sendThibaultThroughSegment();
  expect((await thibaultLead(request)).score.total).toBe(110);
});

test("changing a rule's points and publishing changes his score accordingly", async ({
  request,
}) => {
  const model = structuredClone(TEMPLATES["seed-003-telecom"]);
  model.rules.find((r) => r.id === "guide")!.points = 40;
  expect(
    (await request.put("/api/v1/scoring-model/draft", { headers: auth(), data: model })).status(),
  ).toBe(200);
  const preview = await request.post("/api/v1/scoring-model/draft/preview", { headers: auth() });
  expect(preview.status()).toBe(200);
  const impact = (await preview.json()).data;
  expect(impact.changed).toBeGreaterThan(0);
  expect(impact.ms).toBeLessThan(3000);
  const published = await request.post("/api/v1/scoring-model/publish", {
    // Publishing runs as a job: wait for it to be live.
    headers: { ...auth(), prefer: "wait=60" },
    data: { note: "guides are worth more" },
  });
  const { version } = (await published.json()).data;
  expect((await thibaultLead(request)).score).toMatchObject({ total: 120, modelVersion: version });
});

test("an invalid draft is refused with the JSON path of every invalid field", async ({
  request,
}) => {
  const response = await request.put("/api/v1/scoring-model/draft", {
    headers: auth(),
    data: {
      name: "broken",
      mqlThreshold: "high",
      bands: [
        { name: "a", min: 10 },
        { name: "b", min: 5 },
      ],
      rules: [
        { id: "x", label: "X", kind: "event", event: "Email Opened", points: 10, maxCount: 0 },
        {
          id: "x",
          label: "Y",
          kind: "attribute",
          field: "salary",
          op: "gte",
          value: "lots",
          points: 1,
        },
      ],
    },
  });
  expect(response.status()).toBe(422);
  const body = await response.json();
  expect(body.error.code).toBe("unprocessable");
  expect(Object.keys(body.error.fields).sort()).toEqual([
    "$.bands",
    "$.mqlThreshold",
    "$.rules.0.maxCount",
    "$.rules.1.field",
    "$.rules.1.id",
    "$.rules.1.value",
  ]);
});

test.describe("event ingestion endpoint", () => {
  test("stores the good events, reports the bad ones by index, and answers duplicates", async ({
    request,
  }) => {
    const events = [
      {
        id: `${suffix}-e1`,
        email: `batch.${suffix}@acme.test`,
        name: "Email Opened",
        occurredAt: new Date().toISOString(),
      },
      { id: `${suffix}-e2`, name: "Email Opened" },
      { id: `${suffix}-e1`, email: `batch.${suffix}@acme.test`, name: "Email Opened" },
    ];
    const response = await request.post("/api/v1/events", { headers: auth(), data: { events } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      accepted: 1,
      duplicates: 1,
      errors: [
        {
          index: 1,
          code: "invalid",
          message: "Name the lead with leadId, email or userId.",
          fields: { email: ["Name the lead with leadId, email or userId."] },
        },
      ],
      suppressed: 0,
    });
  });

  test("refuses more than 1,000 events with 413 and a bad envelope with 400", async ({
    request,
  }) => {
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({
      id: `${suffix}-big-${i}`,
      email: "x@acme.test",
      name: "Email Opened",
    }));
    expect(
      (
        await request.post("/api/v1/events", { headers: auth(), data: { events: tooMany } })
      ).status(),
    ).toBe(413);
    const bad = await request.post("/api/v1/events", { headers: auth(), data: { event: [] } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields).toEqual({ events: ['Send { "events": [ … ] }.'] });
  });

  test("needs a key with the right scope", async ({ request, browser }) => {
    expect((await request.post("/api/v1/events", { data: { events: [] } })).status()).toBe(401);
    expect(
      (
        await request.post("/api/v1/events", {
          headers: { Authorization: "Bearer acc_000000000000_nope-nope-nope-nope-nope" },
          data: { events: [] },
        })
      ).status(),
    ).toBe(401);
    const readOnly = await createApiKey(browser, ["leads:read"]);
    const response = await request.post("/api/v1/events", {
      headers: { Authorization: `Bearer ${readOnly}` },
      data: { events: [] },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.message).toBe(
      'This API key lacks the "events:write" scope.',
    );
  });
});

test.describe("Segment endpoint", () => {
  const basic = () => ({ Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });

  test("accepts a gzip body and creates the lead from identify", async ({ request }) => {
    const body = gzipSync(
      JSON.stringify({
        userId: `gz-${suffix}`,
        messageId: `gz-${suffix}`,
        traits: { email: `gz.${suffix}@acme.test`, firstName: "Gina", title: "CTO" },
      }),
    );
    const response = await request.post("/api/segment/v1/identify", {
      headers: { ...basic(), "Content-Type": "application/json", "Content-Encoding": "gzip" },
      data: body,
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, identified: 1, errors: [] });
    const found = await request.get(`/api/v1/leads?email=gz.${suffix}@acme.test`, {
      headers: auth(),
    });
    expect((await found.json()).data[0]).toMatchObject({ firstName: "Gina", jobTitle: "CTO" });
  });

  test("refuses a gzip bomb with 413", async ({ request }) => {
    const bomb = gzipSync(Buffer.alloc(20_000_000, 32));
    const response = await request.post("/api/segment/v1/batch", {
      headers: { ...basic(), "Content-Type": "application/json", "Content-Encoding": "gzip" },
      data: bomb,
    });
    expect(response.status()).toBe(413);
  });
});

test("the OpenAPI document is served", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/events"].post.requestBody).toBeTruthy();
});
