/** A malformed %-encoding in any path answers a JSON 400 from the proxy, not Next's plain-text 500. */
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config, proxy } from "./proxy";

describe("proxy", () => {
  it("answers 400 JSON for %ff in an API path or a page path", async () => {
    for (const path of ["/api/v1/leads/%ff", "/api/segment/v1/%e0%a4%a", "/leads/%ff"]) {
      const answer = proxy(new NextRequest(`http://accord.test${path}`));
      expect(answer.status).toBe(400);
      expect((await answer.json()).error).toMatchObject({ code: "validation_failed" });
    }
  });

  it("lets well-encoded API paths through, and only API paths holding a % come here", () => {
    const answer = proxy(new NextRequest("http://accord.test/api/v1/leads/%41"));
    expect(answer.headers.get("x-middleware-next")).toBe("1");
    expect(config.matcher).toContain("/api/:rest(.*%.*)");
  });
});
