import { expect, test } from "./test";
import { storageState } from "./fixtures";

test.describe("leads list (marketer)", () => {
  test.use({ storageState: storageState("marketer") });

  test("filters by stage on the server", async ({ page }) => {
    await page.goto("/leads");
    const total = await page.getByTestId("leads-count").textContent();
    await page.getByLabel("Stage").selectOption("mql");
    await expect(page).toHaveURL(/stage=mql/);
    await expect(page.getByTestId("leads-count")).not.toHaveText(total!);
    const stages = page.getByTestId("lead-stage");
    await expect(stages.first()).toHaveText("MQL");
    for (const text of await stages.allTextContents()) expect(text).toBe("MQL");
  });

  test("filters by owner", async ({ page }) => {
    await page.goto("/leads");
    await page.getByLabel("Owner").selectOption({ label: "Thomas Petit · EMEA" });
    await expect(page).toHaveURL(/owner=/);
    const owners = await page.getByTestId("lead-owner").allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(["Thomas Petit"]));
  });

  test("paginates, keeping the filters", async ({ page }) => {
    await page.goto("/leads?stage=lead");
    await expect(page.getByTestId("page-indicator")).toHaveText(/^Page 1 of \d+$/);
    const firstPage = await page.getByTestId("lead-row").first().textContent();
    await page.getByTestId("page-next").click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/stage=lead/);
    await expect(page.getByTestId("page-indicator")).toHaveText(/^Page 2 of/);
    await expect(page.getByTestId("lead-row").first()).not.toHaveText(firstPage!);
    await page.getByTestId("page-prev").click();
    await expect(page.getByTestId("page-indicator")).toHaveText(/^Page 1 of/);
  });

  test("searches and opens a lead with profile and activity", async ({ page }) => {
    await page.goto("/leads");
    // His address: the model specs create other Thibaults through the API.
    await page.getByLabel("Search").fill("thibault.marchand@horizon-telecom.fr");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("leads-count")).toHaveText("1 lead");
    await page.getByRole("link", { name: "Thibault Marchand" }).click();
    await expect(page.getByTestId("lead-name")).toHaveText("Thibault Marchand");
    await expect(page.getByTestId("lead-profile")).toContainText("Horizon Télécom");
    await expect(page.getByTestId("timeline-event")).toHaveCount(4);
    await page.getByRole("link", { name: /Downloaded content/ }).click();
    await expect(page.getByTestId("timeline-event")).toHaveCount(1);
    await expect(page.getByTestId("timeline-event")).toContainText("guide");
  });

  test("an empty search says so", async ({ page }) => {
    await page.goto("/leads?q=zzzz-no-such-lead");
    await expect(page.getByText("No leads match")).toBeVisible();
  });
});

test.describe("leads list (rep)", () => {
  test.use({ storageState: storageState("rep") });

  test("shows only the rep's own leads and no owner filter", async ({ page }) => {
    await page.goto("/leads");
    await expect(page.getByLabel("Owner")).toHaveCount(0);
    const owners = await page.getByTestId("lead-owner").allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(["Thomas Petit"]));
  });
});
