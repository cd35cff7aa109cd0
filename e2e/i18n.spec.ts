import { expect, test } from "./test";
import { storageState } from "./fixtures";

test.use({ storageState: storageState("admin") });

test("the language switch turns the UI French, with French dates and numbers", async ({ page }) => {
  await page.goto("/leads");
  await expect(page.getByRole("heading", { name: "Leads", level: 1 })).toBeVisible();
  await page.getByLabel("Language").first().selectOption("fr");
  const nav = page.getByRole("navigation", { name: "Principale" });
  await expect(nav.getByRole("link", { name: "Règles" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Paramètres" })).toBeVisible();
  await expect(page.getByLabel("Étape")).toBeVisible();
  await expect(page.getByTestId("leads-count")).toHaveText(/^\d[\d\s\u202f]* leads$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // Stays French on the next page, and back to English on request.
  await page.goto("/rules");
  await expect(page.getByRole("heading", { name: "Règles de scoring", level: 1 })).toBeVisible();
  await page.getByLabel("Langue").first().selectOption("en");
  await expect(page.getByRole("heading", { name: "Scoring rules", level: 1 })).toBeVisible();
});
