import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";

/** "+12.5", "-5", "205" (English) as a number. */
const points = (text: string | null) => Number((text ?? "").replace(/[^\d.+-]/g, ""));

/** The receipt's lines and caps, as shown, add up to its total, which is the card's total. */
async function expectReceiptAddsUp(page: Page) {
  const total = await page.getByTestId("score-total").textContent();
  await expect(page.getByTestId("receipt-total")).toHaveText(total!);
  const amounts = await page
    .getByTestId("score-receipt")
    .getByTestId("receipt-amount")
    .allTextContents();
  const sum = amounts.reduce((s, a) => s + points(a), 0);
  expect(Math.round(sum * 10) / 10).toBe(points(total));
  return points(total);
}

test.describe("score receipt (rep)", () => {
  test.use({ storageState: storageState("rep") });

  test("his lead's score card and receipt agree, and a rule line filters the activity to its events", async ({
    page,
  }) => {
    const list = await page.request.get("/api/v1/leads?pageSize=1&sort=score");
    expect(list.ok()).toBe(true);
    const [lead] = (await list.json()).data as { id: string; owner: { name: string } | null }[];
    expect(lead.owner?.name).toBe("Thomas Petit");

    await page.goto(`/leads/${lead.id}`);
    await expect(page.getByTestId("score-card")).toBeVisible();
    await expect(page.getByTestId("score-grade")).toHaveText(/^[A-D][1-4]$/);
    await expect(page.getByTestId("score-model")).toContainText("Model v1");
    await expect(page.getByTestId("score-trend-caption")).toHaveText(/\S/);
    expect(await expectReceiptAddsUp(page)).toBeGreaterThan(0);

    const all = page.getByTestId("timeline-event");
    const unfiltered = await all.count();
    const line = page.getByTestId("receipt-line").and(page.locator("[data-kind=event]")).first();
    const label = (await line.locator("p").first().textContent())!;
    const link = line.getByRole("link");
    const counted = Number((await link.textContent())!.match(/Show the (\d+) events/)?.[1] ?? 1);
    await link.click();
    await expect(page).toHaveURL(/\?rule=/);
    await expect(page.getByTestId("rule-filter")).toContainText(
      counted === 1
        ? `Showing the event behind “${label}”`
        : `Showing the ${counted} events behind “${label}”`,
    );
    await expect(all).toHaveCount(Math.min(counted, 100));
    await expect(line.getByRole("link")).toHaveAttribute("aria-current", "true");
    // Every event behind one rule is of that rule's event type.
    expect(
      new Set(await all.evaluateAll((els) => els.map((e) => e.querySelector("p")?.textContent)))
        .size,
    ).toBe(1);

    await page.getByTestId("rule-filter").getByRole("link", { name: "Show all" }).click();
    await expect(page.getByTestId("rule-filter")).toHaveCount(0);
    await expect(all).toHaveCount(unfiltered);
  });
});

test.describe("score receipt (marketer)", () => {
  test.use({ storageState: storageState("marketer") });

  test("Thibault's receipt lists the rule that scored him, and only that", async ({ page }) => {
    await page.goto("/leads?q=thibault.marchand%40horizon-telecom.fr");
    await page.getByRole("link", { name: "Thibault Marchand" }).click();
    await expect(page.getByTestId("lead-name")).toHaveText("Thibault Marchand");
    const lines = page.getByTestId("receipt-line");
    await expect(lines).toHaveCount(1);
    await expect(lines.first()).toContainText("Company of 50 to 500 staff");
    await expect(lines.first()).toContainText("Company size is between 50 and 500");
    await expect(lines.first().getByTestId("receipt-amount")).toHaveText("+10");
    // An attribute rule has no events behind it: it is not a link.
    await expect(lines.first().getByRole("link")).toHaveCount(0);
    await expect(page.getByTestId("receipt-engagement")).toContainText(
      "No engagement rule has counted yet.",
    );
    expect(await expectReceiptAddsUp(page)).toBe(10);
    await expect(page.getByTestId("score-band")).toHaveText("unqualified");
  });
});
