/** The last net: a value PostgreSQL refuses as data (out of range, unreadable) is a 400, not a 500. */
import { describe, expect, it, vi } from "vitest";
import { toResponse } from "./respond";

describe("toResponse", () => {
  it("answers 400 for the database's data exceptions, with no SQL or parameters in the answer", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
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
});
