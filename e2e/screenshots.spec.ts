/**
 * Screenshots to look at, not assertions: the inbox and the lead pane at 1280 and 390 px, in
 * English and French, written to .screenshots/. Runs only with SCREENSHOTS=1.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { expect, test } from "./test";

/** The page in `locale`, at `width` px wide (a phone's height below 500 px). */
async function showIn(
  { page, context, baseURL }: { page: Page; context: BrowserContext; baseURL?: string },
  locale: string,
  width: number,
) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
  await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
}

test.skip(!process.env.SCREENSHOTS, "screenshots are taken on demand (SCREENSHOTS=1)");
test.use({ storageState: storageState("rep") });

for (const locale of ["en", "fr"] as const) {
  for (const width of [1280, 390]) {
    test(`inbox and lead pane, ${locale}, ${width} px`, async ({ page, context, baseURL }) => {
      await showIn({ page, context, baseURL }, locale, width);
      await page.goto("/inbox");
      await expect(page.getByTestId("inbox-row").first()).toBeVisible();
      await page.waitForTimeout(1000);
      await page.screenshot({ path: `.screenshots/inbox-${locale}-${width}.png` });
      await page.getByTestId("row-name").first().click();
      await expect(page.getByTestId("timeline-event").first()).toBeVisible();
      await page.screenshot({ path: `.screenshots/pane-${locale}-${width}.png` });
    });
  }
}

test.describe("the admin's users section", () => {
  test.use({ storageState: storageState("admin") });
  for (const locale of ["en", "fr"] as const) {
    for (const width of [1280, 390]) {
      test(`settings › users, ${locale}, ${width} px`, async ({ page, context, baseURL }) => {
        await showIn({ page, context, baseURL }, locale, width);
        await page.goto("/settings/users");
        await expect(page.getByTestId("user-row").first()).toBeVisible();
        await page.screenshot({
          path: `.screenshots/users-${locale}-${width}.png`,
          fullPage: true,
        });
        await page.getByTestId("users-panel").getByRole("button").first().click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await page.screenshot({ path: `.screenshots/users-add-${locale}-${width}.png` });
      });
    }
  }
});

test.describe("the publish dialog of a points-only change", () => {
  // Each saves the one draft: one after the other, or they answer each other's saves with 409.
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: storageState("marketer") });
  for (const locale of ["en", "fr"] as const) {
    for (const width of [1280, 390]) {
      test(`rules › publish, ${locale}, ${width} px`, async ({ page, context, baseURL }) => {
        await showIn({ page, context, baseURL }, locale, width);
        await page.goto("/rules");
        await page.getByTestId("draft-rules").getByRole("button").first().click();
        const panel = page.getByRole("dialog");
        const points = panel.getByRole("spinbutton").first();
        await points.fill(String(Number(await points.inputValue()) + 5));
        await panel
          .getByRole("button")
          .filter({ hasText: /Save rule|Enregistrer/ })
          .click();
        await page.getByTestId("publish").click();
        await expect(page.getByTestId("publish-summary")).toBeVisible();
        await page.screenshot({ path: `.screenshots/publish-${locale}-${width}.png` });
      });
    }
  }
});

test.describe("the publish dialog of a change to what one rule counts", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: storageState("marketer") });
  for (const locale of ["en", "fr"] as const) {
    for (const width of [1280, 390]) {
      test(`rules › publish mixed, ${locale}, ${width} px`, async ({ page, context, baseURL }) => {
        await showIn({ page, context, baseURL }, locale, width);
        const draft = (await (await page.request.get("/api/v1/scoring-model/draft")).json()).data
          .model;
        const rule = draft.rules.find((r: { kind: string }) => r.kind === "event");
        rule.maxCount = (rule.maxCount ?? 1) + 1;
        const saved = await page.request.put("/api/v1/scoring-model/draft", { data: draft });
        expect(saved.status()).toBe(200);
        await page.goto("/rules");
        await page.getByTestId("publish").click();
        await expect(page.getByTestId("publish-summary")).toBeVisible();
        await page.screenshot({ path: `.screenshots/publish-mixed-${locale}-${width}.png` });
      });
    }
  }
});
