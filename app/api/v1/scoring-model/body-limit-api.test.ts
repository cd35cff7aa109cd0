/**
 * A 10 MB body is refused with 413 at once, without being read to the end: declared with a
 * Content-Length, or streamed (chunked) with none — the read stops at the route's limit — and on a
 * route that takes no body at all. The same route answers normally afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";

vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));

const publishRoute = await import("./publish/route");
const restoreRoute = await import("./versions/[version]/restore/route");

let t: TestDb;
let key: string;
const TEN_MB = 10_000_000;

/** A body of `size` bytes produced on demand; `pulled()` tells how much the server read. */
function streamed(size: number) {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => sent };
}

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://accord.test${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  key = (await createApiKey(t.db, { name: "Modeller", scopes: ["model:write"] }, null)).secret;
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});

describe("body limits", () => {
  it("POST /publish with 10 MB declared: 413 at once", async () => {
    const started = Date.now();
    const answer = await publishRoute.POST(
      post("/api/v1/scoring-model/publish", "a".repeat(TEN_MB)),
      { params: Promise.resolve({}) },
    );
    expect(answer.status).toBe(413);
    expect((await answer.json()).error.code).toBe("payload_too_large");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("POST /publish with 10 MB streamed, no Content-Length: 413 after reading about the limit", async () => {
    const { body, pulled } = streamed(TEN_MB);
    const answer = await publishRoute.POST(post("/api/v1/scoring-model/publish", body), {
      params: Promise.resolve({}),
    });
    expect(answer.status).toBe(413);
    expect(pulled()).toBeLessThan(1_000_000);
  });

  it("a route that takes no body refuses 10 MB declared with 413, and answers normally without", async () => {
    const params = { params: Promise.resolve({ version: "1" }) };
    const big = await restoreRoute.POST(
      post("/api/v1/scoring-model/versions/1/restore", "a".repeat(TEN_MB), {
        "content-length": String(TEN_MB),
      }),
      params,
    );
    expect(big.status).toBe(413);
    const plain = await restoreRoute.POST(
      new Request("http://accord.test/api/v1/scoring-model/versions/1/restore", {
        method: "POST",
        headers: { authorization: `Bearer ${key}` },
      }),
      params,
    );
    expect(plain.status).toBe(404);
  });
});
