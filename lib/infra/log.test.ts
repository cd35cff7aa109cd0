/** Log lines are JSON with a request id, and never hold an email, a query or its parameters. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { accountTag, errorFields, log, securityEvent, withRequestId } from "./log";

afterEach(() => vi.restoreAllMocks());

describe("the logger", () => {
  it("writes one JSON line per event, with the request id of the request it runs in", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    withRequestId("req-42", () =>
      securityEvent("signin.failed", { account: accountTag("A@x.test") }),
    );
    withRequestId("bad id with spaces\n", () => log.warn("x"));
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      level: "warn",
      event: "signin.failed",
      requestId: "req-42",
      security: true,
      account: accountTag("a@x.test"),
    });
    expect(lines[0]).not.toContain("@x.test");
    expect(second.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps of a database error its class, SQLSTATE and frames: not the SQL, parameters or values", () => {
    const cause = Object.assign(new Error("Key (email)=(ada@example.test) already exists."), {
      code: "23505",
    });
    const error = Object.assign(
      new Error("Failed query: insert into leads (email) values ($1)\nparams: ada@example.test"),
      { name: "DrizzleQueryError", cause },
    );
    const fields = errorFields(error);
    expect(fields).toMatchObject({ error: "DrizzleQueryError", code: "23505" });
    expect(JSON.stringify(fields)).not.toContain("ada@example.test");
    expect(JSON.stringify(fields)).not.toContain("insert into");
    expect(fields.stack).toMatch(/^at /);
  });

  it("keeps the message of an error that is not the database's", () => {
    expect(errorFields(new TypeError("x is undefined"))).toMatchObject({
      error: "TypeError",
      message: "x is undefined",
    });
  });
});
