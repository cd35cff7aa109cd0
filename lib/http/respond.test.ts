/** The last net: a value PostgreSQL refuses as data (out of range, unreadable) is a 400, not a 500. */
import { describe, expect, it, vi } from "vitest";
import { toResponse } from "./respond";

describe("toResponse", () => {
  it("answers 400 for the database's data exceptions, with no SQL or parameters in the answer", async () => {
    const warn = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const code of ["22003", "22008", "22P02", "22021"]) {
      const error = Object.assign(new Error("Failed query: select $1 params: secret@example.com"), {
        cause: { code },
      });
      const answer = toResponse(error);
      expect(answer.status).toBe(400);
      const text = await answer.text();
      expect(text).toContain("validation_failed");
      expect(text).not.toContain("secret@example.com");
    }
    expect(warn.mock.calls.flat().join(" ")).not.toContain("secret@example.com");
    warn.mockRestore();
  });

  it("still answers 500 for other failures", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toResponse(Object.assign(new Error("x"), { code: "42P01" })).status).toBe(500);
    error.mockRestore();
  });

  it("answers 503 with Retry-After when the database cannot be reached, however the driver says it", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((l: string) => void lines.push(l));
    const wrapped = (cause: unknown) =>
      Object.assign(new Error("Failed query: select 1\nparams: ada@example.test"), { cause });
    for (const error of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      wrapped(Object.assign(new Error("write CONNECT_TIMEOUT"), { code: "CONNECT_TIMEOUT" })),
      wrapped(Object.assign(new Error("Connection closed"), { code: "CONNECTION_CLOSED" })),
      wrapped(Object.assign(new Error("the database system is shutting down"), { code: "57P01" })),
      wrapped(Object.assign(new Error("connection failure"), { code: "08006" })),
      wrapped(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })])),
    ]) {
      const answer = toResponse(error);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("Retry-After")).toBe("10");
      expect((await answer.json()).error.code).toBe("service_unavailable");
    }
    expect(lines.join("\n")).not.toContain("ada@example.test");
    spy.mockRestore();
  });

  it("logs an unexpected failure as one line without the query's parameters", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((l: string) => void lines.push(l));
    const error = Object.assign(new Error("Failed query: select $1\nparams: ada@example.test"), {
      cause: { code: "42P01" },
    });
    expect(toResponse(error).status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ event: "request.failed", code: "42P01" });
    expect(lines[0]).not.toContain("ada@example.test");
    spy.mockRestore();
  });
});
