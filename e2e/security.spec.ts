/**
 * The web defences as a browser meets them: a signed-out session cookie replayed is refused,
 * brute force locks the account (the right password too), the pages run under a nonce-based
 * Content-Security-Policy with no violation, and signed-in changes from another site are refused.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { BASE_URL } from "./config";
import { expect, test } from "./test";
import { expectSignedIn, signIn, storageState } from "./fixtures";

/** Accounts no other spec uses: signing out (or locking) them disturbs nobody. */
const SIGN_OUT_USER = "hugo@accord.test";
const LOCKED_USER = "michael@accord.test";

test.describe("sessions", () => {
  // Several sign-ins per test, each answering later after a failure (the growing delay).
  test.describe.configure({ timeout: 120_000 });
  test("a session cookie replayed after signing out is refused, by pages and by the API", async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, SIGN_OUT_USER);
    await expectSignedIn(page);
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);
    expect((await page.request.get("/api/v1/notifications")).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();

    // Someone who kept a copy of the cookie.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const again = await replay.newPage();
    await again.goto("/inbox");
    await expect(again).toHaveURL(/\/sign-in/);
    await expect(again.getByTestId("current-user")).toHaveCount(0);
    const api = await again.request.get("/api/v1/notifications");
    expect(api.status()).toBe(401);
    await replay.close();
  });

  test("repeated wrong passwords lock the account: then even the right one is refused", async ({
    page,
  }) => {
    for (let i = 1; i <= 4; i++) {
      await signIn(page, LOCKED_USER, `wrong-${i}`);
      await expect(page.getByTestId("sign-in-error")).toHaveText(
        "That email and password do not match an active account.",
      );
    }
    await signIn(page, LOCKED_USER, "wrong-5");
    await expect(page.getByTestId("sign-in-error")).toContainText("Too many failed attempts");
    await signIn(page, LOCKED_USER);
    await expect(page.getByTestId("sign-in-error")).toContainText(
      "signing in to this account is paused for 15 minutes",
    );
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

/** Records the page's CSP violations from the start of every document. */
async function watchViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test.describe("content security policy", () => {
  test("the sign-in page runs under a nonce policy with no violation", async ({ browser }) => {
    const context = await browser.newContext();
    await watchViolations(context);
    const page = await context.newPage();
    const response = await page.goto("/sign-in");
    const policy = response!.headers()["content-security-policy"];
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    // Next put the nonce on its scripts (the browser hides the attribute's value from the DOM).
    expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce),
    ).toBe(nonce);
    await signIn(page, "emily@accord.test");
    await expectSignedIn(page);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  test("the main pages run with no violation", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: storageState("admin") });
    await watchViolations(context);
    const page = await context.newPage();
    const leads = await (await page.request.get("/api/v1/leads?pageSize=1")).json();
    const paths = [
      "/inbox",
      "/leads",
      `/leads/${leads.data[0].id}`,
      "/rules",
      "/thresholds",
      "/reports",
      "/reports?tab=recalibration",
      "/settings",
      "/import",
    ];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(200);
      const headers = response!.headers();
      expect(headers["content-security-policy"], path).toContain("'nonce-");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      // Served over plain HTTP here: no HSTS.
      expect(headers["strict-transport-security"]).toBeUndefined();
      await page.waitForLoadState("networkidle");
      expect(await violations(page), path).toEqual([]);
    }
    await context.close();
  });
});

test.describe("cross-site requests", () => {
  test.use({ storageState: storageState("rep2") });

  test("a signed-in change from another site or not as JSON is refused; from the app it works", async ({
    page,
  }) => {
    const evil = await page.request.post("/api/v1/notifications/read", {
      headers: { origin: "https://evil.test" },
      data: { all: true },
    });
    expect(evil.status()).toBe(403);
    const plain = await page.request.post("/api/v1/notifications/read", {
      headers: { "content-type": "text/plain" },
      data: JSON.stringify({ all: true }),
    });
    expect(plain.status()).toBe(403);
    const own = await page.request.post("/api/v1/notifications/read", {
      headers: { origin: new URL(BASE_URL).origin },
      data: { all: true },
    });
    expect(own.status()).toBe(200);
    const answer = await page.request.get("/api/v1/notifications");
    expect(answer.headers()["cache-control"]).toBe("no-store");
  });

  test("a server action posted from another site answers 403, not 500", async ({ page }) => {
    const answer = await page.request.post("/inbox", {
      headers: {
        "next-action": "0000000000000000000000000000000000000000",
        origin: "https://evil.test",
        "content-type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(answer.status()).toBe(403);
  });
});
