/** After signing in, a visitor only ever lands on a page of this site, whatever the link said. */
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "./callback-url";

const HOSTILE = [
  "https://evil.test",
  "http://evil.test/leads",
  "//evil.test",
  "//evil.test/leads",
  "///evil.test",
  "/\\evil.test",
  "\\\\evil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  "/\r\n/evil.test",
  "\t//evil.test",
  " //evil.test",
  "/%2F/evil.test",
  "/%2f%2fevil.test",
  "%2F%2Fevil.test",
  "/%5Cevil.test",
  "/%09/evil.test",
  "/%252F%252Fevil.test",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.test",
  "/\u2028/evil.test",
  "/\u0000/evil.test",
  "https:evil.test",
  "/%",
  "",
  "/".repeat(3000),
];

describe("the sign-in's callbackUrl", () => {
  it.each(HOSTILE)("sends %j home instead", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeCallbackPath("/leads?stage=mql")).toBe("/leads?stage=mql");
    expect(safeCallbackPath("/leads/3f0c?tab=receipt#rules")).toBe("/leads/3f0c?tab=receipt#rules");
    expect(safeCallbackPath("/leads?q=ada%20lovelace")).toBe("/leads?q=ada%20lovelace");
    // As the sign-in page reads it from its own query string: decoded.
    expect(safeCallbackPath("/leads?q=ada lovelace")).toBe("/leads?q=ada%20lovelace");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it("refuses anything that is not a string (a repeated parameter is an array)", () => {
    expect(safeCallbackPath(["/leads", "//evil.test"])).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });

  it("lets Auth.js redirect only within the site", () => {
    const base = "https://accord.example";
    expect(safeRedirect("https://accord.example/inbox", base)).toBe(`${base}/inbox`);
    expect(safeRedirect("/inbox?x=1", base)).toBe(`${base}/inbox?x=1`);
    expect(safeRedirect("https://accord.example", base)).toBe(`${base}/`);
    expect(safeRedirect("https://accord.example.evil.test/inbox", base)).toBe(`${base}/`);
    expect(safeRedirect("https://evil.test/inbox", base)).toBe(`${base}/`);
    expect(safeRedirect("https://accord.example//evil.test", base)).toBe(`${base}/`);
    expect(safeRedirect("//evil.test", base)).toBe(`${base}/`);
  });
});
