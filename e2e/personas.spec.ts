/**
 * The persona walks: the marketer, the rep, the manager and the admin each visit their main pages
 * (those of their navigation, a lead page, every tab of the reports) in English; in French, the
 * admin visits them all (the admin sees every page the others do). On every page: no console
 * error or hydration mismatch (the watch in ./test fails the test; a French message that does not
 * format shows there), the page's language, and in English no serious or critical accessibility
 * violation (axe). A page several roles see alike is walked by axe once, in the walk of the first
 * role that sees it (axe takes seconds a page on CI). axe checks structure, names and contrast,
 * which the language does not change; accessibility.spec.ts runs it on French pages at 390 px.
 */
import type { Page } from "@playwright/test";
import { navFor } from "../lib/auth/permissions";
import { settingsSectionsFor } from "../lib/auth/settings-sections";
import type { Role } from "../lib/shared/vocabulary";
import { expectAccessible } from "./axe";
import { storageState, type DemoRole } from "./fixtures";
import { expect, test } from "./test";

// Each walk is a dozen pages with axe on each (a manager's queue is hundreds of rows).
test.describe.configure({ timeout: 600_000 });
// Pages and words do not depend on the database: the walks run in the embedded pass only
// (playwright.config.ts, SERVER_SPECS).

const PERSONAS: { persona: DemoRole; role: Role }[] = [
  { persona: "marketer", role: "marketer" },
  { persona: "rep", role: "rep" },
  { persona: "manager", role: "manager" },
  { persona: "admin", role: "admin" },
];
const REPORT_TABS = ["funnel", "calibration", "rules", "sla", "reasons", "recalibration"];
const FRENCH_TITLE: Record<string, RegExp> = {
  "/rules": /^Règles de scoring$/,
  "/leads": /^Leads$/,
  "/reports": /^Rapports$/,
  "/settings": /^Paramètres$/,
};

/** What a page is for axe: its path, the tab, and for the inbox whose queue it shows. */
function pageKey(role: Role, href: string, tab?: string): string {
  if (href === "/settings") return `/settings/${settingsSectionsFor(role)[0]}`;
  if (href === "/inbox") return role === "rep" ? "/inbox (own)" : "/inbox (team)";
  return tab ? `${href}?tab=${tab}` : href;
}

/** Each page's axe walk goes to the first persona (in PERSONAS' order) who sees it. */
const AXE_BY = new Map<string, DemoRole>();
for (const { persona, role } of PERSONAS)
  for (const { href } of navFor(role)) {
    const keys =
      href === "/reports"
        ? REPORT_TABS.map((tab) => pageKey(role, href, tab))
        : href === "/leads"
          ? [pageKey(role, href), "/leads/{id}"]
          : [pageKey(role, href)];
    for (const key of keys) if (!AXE_BY.has(key)) AXE_BY.set(key, persona);
  }

/** The page is drawn and nothing is loading any more (no request in flight, no busy region). */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
}

const WALKS = [
  ...PERSONAS.map((p) => ({ ...p, locale: "en" as const })),
  { persona: "admin" as const, role: "admin" as const, locale: "fr" as const },
];

for (const { persona, role, locale } of WALKS) {
  test.describe(`${persona} (${locale})`, () => {
    test.use({ storageState: storageState(persona) });

    test(`the ${persona}'s main pages, ${locale === "en" ? "in English: no console error, no serious accessibility violation" : "in French: no console error, French titles"}`, async ({
      page,
      context,
      baseURL,
    }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      const axe = locale === "en";
      for (const { href } of navFor(role)) {
        await test.step(href, async () => {
          await page.goto(href);
          await settled(page);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          if (locale === "fr" && FRENCH_TITLE[href])
            await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(
              FRENCH_TITLE[href],
            );
          if (href === "/reports") {
            for (const tab of REPORT_TABS) {
              await page.getByTestId(`tab-${tab}`).click();
              await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-selected", "true");
              await settled(page);
              if (axe && AXE_BY.get(pageKey(role, href, tab)) === persona)
                await expectAccessible(page, `${href} (${tab}) as the ${persona} in ${locale}`);
            }
          } else if (axe && AXE_BY.get(pageKey(role, href)) === persona)
            await expectAccessible(page, `${href} as the ${persona} in ${locale}`);
          if (href === "/leads") {
            await page.getByTestId("lead-row").first().getByRole("link").first().click();
            await expect(page.getByTestId("lead-name")).toBeVisible();
            await settled(page);
            if (axe && AXE_BY.get("/leads/{id}") === persona)
              await expectAccessible(page, `a lead page as the ${persona} in ${locale}`);
          }
        });
      }
    });
  });
}
