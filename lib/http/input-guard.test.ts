/**
 * What PostgreSQL cannot store is refused at the door with its place named (400), never a 500 from
 * deep in a query: a NUL character anywhere in a query string, a path parameter or a JSON body,
 * and a JSON body that is just `null`.
 */
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineContract } from "./contract";
import { nulPath } from "./input-guard";
import { withApi } from "./with-api";

vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));

const echo = withApi(
  defineContract({
    operationId: "echo",
    method: "post",
    path: "/api/v1/echo/{id}",
    tag: "Test",
    summary: "Echo",
    access: { public: true },
    params: z.object({ id: z.string() }),
    query: z.object({ q: z.string().optional() }),
    body: z.unknown(),
    responses: { 200: { description: "The body", schema: z.object({ data: z.unknown() }) } },
  }),
  async ({ body, reply }) => reply(200, { data: body }),
);

const call = (body: string, { q = "", id = "1" } = {}) =>
  echo(
    new Request(`http://accord.test/api/v1/echo/${id}${q ? `?q=${q}` : ""}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }),
    { params: Promise.resolve({ id: decodeURIComponent(id) }) },
  );

describe("input PostgreSQL cannot store", () => {
  it("finds the first NUL's path in nested bodies", () => {
    expect(nulPath({ events: [{ name: "ok" }, { properties: { note: "a\u0000b" } }] })).toBe(
      "events.1.properties.note",
    );
    expect(nulPath({ events: [{ name: "ok" }] })).toBeNull();
  });

  it("answers 400 naming where the NUL is, in a body, a query string or a path", async () => {
    const inBody = await call(JSON.stringify({ items: [{ name: "fine" }, { name: "bad\u0000" }] }));
    expect(inBody.status).toBe(400);
    expect((await inBody.json()).error).toMatchObject({
      code: "validation_failed",
      fields: { "items.1.name": [expect.stringContaining("NUL")] },
    });
    const inQuery = await call("{}", { q: "%00" });
    expect(inQuery.status).toBe(400);
    expect((await inQuery.json()).error.fields).toHaveProperty("q");
    expect((await call("{}", { id: "a%00" })).status).toBe(400);
    expect((await call(JSON.stringify({ name: "ok" }))).status).toBe(200);
  });

  it("refuses a null body with a sentence, not a crash", async () => {
    const answer = await call("null");
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toContain("null is not accepted");
  });
});
