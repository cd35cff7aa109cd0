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

describe("proxy: pages' security headers", () => {
  const page = (path: string, headers: Record<string, string> = {}) =>
    proxy(
      new NextRequest(`http://accord.test${path}`, {
        headers: { cookie: "authjs.session-token=x", ...headers },
      }),
    );

  it("sets a Content-Security-Policy with a fresh nonce on every page, and hands the nonce to Next", () => {
    const first = page("/leads");
    const second = page("/leads");
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // Next reads the request's policy to put the nonce on its scripts.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("sets it on the sign-in page too, which needs no session", () => {
    const answer = proxy(new NextRequest("http://accord.test/sign-in"));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("sends HSTS only when the page came over HTTPS", () => {
    expect(page("/leads").headers.get("strict-transport-security")).toBeNull();
    expect(page("/leads").headers.get("content-security-policy")).not.toContain(
      "upgrade-insecure-requests",
    );
    const https = page("/leads", { "x-forwarded-proto": "https" });
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("refuses a server action posted from another site with a 403, not Next's 500", async () => {
    const action = (headers: Record<string, string>) =>
      proxy(
        new NextRequest("http://accord.test/sign-in", {
          method: "POST",
          headers: { "next-action": "abc123", host: "accord.test", ...headers },
        }),
      );
    for (const headers of [
      { origin: "https://evil.test" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ] as Record<string, string>[]) {
      const answer = action(headers);
      expect(answer.status).toBe(403);
      expect((await answer.json()).error.code).toBe("forbidden");
    }
    expect(action({ origin: "http://accord.test" }).status).toBe(200);
  });

  it("still sends visitors without a session cookie to sign in, keeping where they were going", () => {
    const answer = proxy(new NextRequest("http://accord.test/leads?stage=mql"));
    expect(answer.status).toBe(307);
    expect(answer.headers.get("location")).toBe(
      "http://accord.test/sign-in?callbackUrl=%2Fleads%3Fstage%3Dmql",
    );
  });
});
