/**
 * An accessibility check with axe-core (WCAG 2.1 A and AA rules): a page passes when axe finds no
 * serious or critical violation. The failure lists each rule, its help text and where it fired.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./test";

/**
 * Rows of a long list are one component drawn many times: axe checks the first ones (every kind
 * of row the demo data sorts to the top) and skips the rest of a manager's hundreds, which would
 * take it minutes on CI and find nothing new.
 */
const ROWS_CHECKED = 25;
const REPEATED_ROWS = ["inbox-row", "lead-row", "user-row"].map(
  (id) => `[data-testid=${id}]:nth-child(n+${ROWS_CHECKED + 1})`,
);

export async function expectAccessible(page: Page, what: string) {
  // Next streams a page's metadata: after a client-side navigation (a report tab) the <title> may
  // land a moment after the content. A page without one fails, but only once it has had the time.
  await expect(page, `the title of ${what}`).toHaveTitle(/\S/);
  let axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const rows of REPEATED_ROWS) axe = axe.exclude(rows);
  const result = await axe.analyze();
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join("; ")}`,
    );
  expect(serious, `axe on ${what}`).toEqual([]);
}

/** Landmarks a screen reader lists must be told apart: no two regions or navs with one name. */
export async function expectUniqueLandmarks(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withRules(["landmark-unique"]).analyze();
  const found = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`),
  );
  expect(found, `duplicate landmark names on ${what}`).toEqual([]);
}
