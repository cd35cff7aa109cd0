import { SETTINGS_SECTIONS, settingsSectionsFor } from "../lib/auth/settings-sections";
import { expectAccessible, expectUniqueLandmarks } from "./axe";
import { storageState } from "./fixtures";
import { expect, test } from "./test";

// axe walks the whole page: a manager's queue is hundreds of rows, on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });
// Pages and words do not depend on the database: these run in the embedded pass only
// (playwright.config.ts, SERVER_SPECS).

test.describe("a rep", () => {
  test.use({ storageState: storageState("rep") });

  test("the inbox, with a lead open beside it, and the lead page have no serious accessibility violation", async ({
    page,
  }) => {
    // The inbox alone is in the rep's persona walk; the manager's queue in the manager's.
    await page.goto("/inbox");
    await expect(page.getByTestId("inbox-row").first()).toBeVisible();
    await page.getByTestId("row-name").first().click();
    await expect(page.getByTestId("pane-receipt")).toBeVisible();
    await expect(page.getByTestId("timeline-event").first()).toBeVisible();
    await expectAccessible(page, "the inbox with the lead pane");
    await page.getByRole("link", { name: "Full lead page" }).click();
    await expect(page.getByTestId("lead-name")).toBeVisible();
    await expectAccessible(page, "the lead page");
  });

  test("the inbox on a phone (390 px), in French", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: baseURL! }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/inbox");
    await expect(page.getByTestId("inbox-row").first()).toBeVisible();
    await expectAccessible(page, "the inbox at 390 px in French");
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("every settings section has no serious accessibility violation", async ({ page }) => {
    test.setTimeout(300_000); // eight pages, each walked by axe twice
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/users$/);
    for (const section of SETTINGS_SECTIONS.map((s) => s.key)) {
      await page.goto(`/settings/${section}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId(`settings-nav-${section}`)).toHaveAttribute(
        "aria-current",
        "page",
      );
      await expectAccessible(page, `settings › ${section}`);
      await expectUniqueLandmarks(page, `settings › ${section}`);
    }
  });

  test("settings on a phone (390 px), in French: a section menu instead of the side list", async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: baseURL! }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { name: "Utilisateurs" })).toBeVisible();
    await page.getByLabel("Rubrique", { exact: true }).selectOption({ label: "Clés d’API" });
    await expect(page).toHaveURL(/\/settings\/api-keys$/);
    await expect(page.getByRole("heading", { name: "Clés d’API" })).toBeVisible();
    await expectAccessible(page, "settings › api-keys at 390 px in French");
  });
});

test.describe("a manager's settings", () => {
  test.use({ storageState: storageState("manager") });

  test("open on the first section a manager may see, each without serious violation", async ({
    page,
  }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/teams$/);
    for (const section of settingsSectionsFor("manager")) {
      await page.goto(`/settings/${section}`);
      await expectAccessible(page, `the manager's settings › ${section}`);
    }
  });
});
