/**
 * A valid but huge model (500 event rules × 20 conditions) sent to the preview with a model:read
 * key is refused at once with 422 saying how large it is, instead of compiling a statement with
 * more parameters than PostgreSQL takes (MAX_PARAMETERS_EXCEEDED after tens of seconds); a model
 * at the limit previews.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { MAX_MODEL_CONDITIONS, type ScoringModelInput } from "@/lib/domain/scoring/model";

vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));

const previewRoute = await import("./draft/preview/route");
const draftRoute = await import("./draft/route");

let t: TestDb;
let readKey: string;
let writeKey: string;
const ctx = { params: Promise.resolve({}) };
const send = (method: string, body: unknown, key: string) =>
  new Request("http://accord.test/api/v1/scoring-model/draft/preview", {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });

/** `rules` event rules of `conditions` where-conditions each. */
const bigModel = (rules: number, conditions: number): ScoringModelInput => ({
  name: "Huge",
  mqlThreshold: 100,
  bands: [{ name: "all", min: 0 }],
  rules: Array.from({ length: rules }, (_, r) => ({
    id: `r${r}`,
    label: `Rule ${r}`,
    kind: "event" as const,
    event: `Event ${r}`,
    points: 1,
    where: Array.from({ length: conditions }, (_, c) => ({
      property: `p${c}`,
      op: "in" as const,
      value: [`v${c}`, c],
    })),
  })),
});

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  readKey = (await createApiKey(t.db, { name: "Reader", scopes: ["model:read"] }, null)).secret;
  writeKey = (await createApiKey(t.db, { name: "Writer", scopes: ["model:write"] }, null)).secret;
  await createLead(t.db, { email: "one@example.com" });
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});

describe("model size", () => {
  it("500 event rules × 20 conditions: 422 in one line, quickly, from the preview and the draft", async () => {
    const huge = bigModel(500, 20);
    const started = Date.now();
    const answer = await previewRoute.POST(send("POST", huge, readKey), ctx);
    expect(answer.status).toBe(422);
    const { error } = await answer.json();
    expect(JSON.stringify(error)).toContain("10,500 conditions");
    expect(Date.now() - started).toBeLessThan(5_000);
    const saved = await draftRoute.PUT(send("PUT", huge, writeKey), ctx);
    expect(saved.status).toBe(422);
  });

  it(`a model at the limit (${MAX_MODEL_CONDITIONS} conditions) previews`, async () => {
    // 100 rules × (1 + 19 where-conditions) = 2,000 conditions.
    const answer = await previewRoute.POST(send("POST", bigModel(100, 19), readKey), ctx);
    expect(answer.status).toBe(200);
    expect((await answer.json()).data.leads).toBe(1);
  });
});
