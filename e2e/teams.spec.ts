import { expect, forgiveFaked500, test } from "./test";
import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";

const team = (page: Page, name: string) =>
  page.getByTestId("team").and(page.locator(`[data-team="${name}"]`));
const member = (page: Page, name: string) =>
  page.getByTestId("member-row").and(page.locator(`[data-member="${name}"]`));
const saved = (page: Page, method: string, path: RegExp) =>
  page.waitForResponse(
    (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
  );

/** A date `days` from now, as a date input wants it. */
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test.describe("Teams and routing (admin)", () => {
  test.use({ storageState: storageState("admin") });

  test("adds a country to a team, moves one from another team, and both survive a reload", async ({
    page,
  }) => {
    await page.goto("/settings/teams");
    await expect(page.getByRole("heading", { name: "Teams and routing" })).toBeVisible();
    const emea = team(page, "EMEA");
    const emeaCountries = emea.getByRole("list", { name: "Countries of EMEA" });
    await expect(emeaCountries).not.toContainText("Portugal");

    await emea.getByLabel("Add a country to EMEA").selectOption({ label: "Portugal" });
    let put = saved(page, "PUT", /\/api\/v1\/teams\/[^/]+\/territories$/);
    await emea.getByRole("button", { name: "Add", exact: true }).click();
    await expect(emeaCountries).toContainText("Portugal"); // at once, before the server answers
    expect((await put).status()).toBe(200);

    // Mexico belongs to Americas: the picker says so, and the move is spelled out.
    await emea.getByLabel("Add a country to EMEA").selectOption({ label: "Mexico — Americas" });
    put = saved(page, "PUT", /\/api\/v1\/teams\/[^/]+\/territories$/);
    await emea.getByRole("button", { name: "Add", exact: true }).click();
    expect((await put).status()).toBe(200);
    await expect(emea.getByRole("status")).toHaveText("Mexico moved from Americas to EMEA.");
    await expect(
      team(page, "Americas").getByRole("list", { name: "Countries of Americas" }),
    ).not.toContainText("Mexico");

    await page.reload();
    await expect(emeaCountries).toContainText("Portugal");
    await expect(emeaCountries).toContainText("Mexico");

    // Put things back for the other specs: Mexico to Americas, Portugal off EMEA.
    const americas = team(page, "Americas");
    await americas.getByLabel("Add a country to Americas").selectOption({ label: "Mexico — EMEA" });
    put = saved(page, "PUT", /\/territories$/);
    await americas.getByRole("button", { name: "Add", exact: true }).click();
    expect((await put).status()).toBe(200);
    put = saved(page, "PUT", /\/territories$/);
    await emea.getByRole("button", { name: "Remove Portugal from EMEA" }).click();
    expect((await put).status()).toBe(200);
    await expect(emeaCountries).not.toContainText("Portugal");
    await expect(emeaCountries).not.toContainText("Mexico");
  });

  test("sets a rep's capacity and away-until, explains a bad capacity, and keeps both after a reload", async ({
    page,
  }) => {
    await page.goto("/settings/teams");
    const hugo = member(page, "Hugo Laurent");
    const capacity = hugo.getByLabel("Capacity of Hugo Laurent");
    await expect(capacity).toHaveValue("40");

    await capacity.fill("1001");
    await capacity.press("Enter");
    await expect(hugo.getByRole("alert")).toHaveText(
      "Capacity is a whole number of open MQLs, from 0 to 1,000.",
    );
    await expect(capacity).toHaveAttribute("aria-invalid", "true");

    let patch = saved(page, "PATCH", /\/api\/v1\/users\/[^/]+$/);
    await capacity.fill("45");
    await capacity.press("Enter");
    expect((await patch).status()).toBe(200);
    await expect(hugo.getByRole("alert")).toHaveCount(0);
    await expect(hugo.getByTestId("capacity")).toContainText("/ 45");

    const until = inDays(7);
    patch = saved(page, "PATCH", /\/api\/v1\/users\/[^/]+$/);
    await hugo.getByLabel("Hugo Laurent away until").fill(until);
    expect((await patch).status()).toBe(200);
    await expect(hugo.getByText("Away", { exact: true })).toBeVisible();

    await page.reload();
    await expect(capacity).toHaveValue("45");
    await expect(hugo.getByLabel("Hugo Laurent away until")).toHaveValue(until);
    await expect(hugo.getByText("Away", { exact: true })).toBeVisible();

    patch = saved(page, "PATCH", /\/api\/v1\/users\/[^/]+$/);
    await hugo.getByRole("button", { name: "Clear away-until date of Hugo Laurent" }).click();
    expect((await patch).status()).toBe(200);
    await expect(hugo.getByText("Away", { exact: true })).toHaveCount(0);
    await page.reload();
    await expect(hugo.getByLabel("Hugo Laurent away until")).toHaveValue("");
  });
  test("undoes an optimistic change the server refuses, and says so", async ({
    page,
    consoleErrors,
  }) => {
    await page.goto("/settings/teams");
    const emea = team(page, "EMEA");
    const countries = emea.getByRole("list", { name: "Countries of EMEA" });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/v1\/teams\/[^/]+\/territories$/, async (route) => {
      await held;
      await route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "internal", message: "boom" } }),
      });
    });
    await emea.getByLabel("Add a country to EMEA").selectOption({ label: "Austria" });
    await emea.getByRole("button", { name: "Add", exact: true }).click();
    await expect(countries).toContainText("Austria"); // shown while the server thinks
    release();
    await expect(emea.getByRole("alert")).toHaveText("That change could not be saved. Try again.");
    await expect(countries).not.toContainText("Austria");
    forgiveFaked500(consoleErrors);
  });
});

test.describe("Teams and routing (manager)", () => {
  test.use({ storageState: storageState("manager") });

  test("sees teams, countries and capacities read-only, and cannot change them through the API", async ({
    page,
  }) => {
    await page.goto("/settings/teams");
    const panel = page.getByTestId("teams-panel");
    await expect(panel.getByRole("heading", { name: "Teams and routing" })).toBeVisible();
    await expect(panel.getByText("Read only", { exact: true })).toBeVisible();
    await expect(team(page, "EMEA").getByRole("list", { name: "Countries of EMEA" })).toContainText(
      "France",
    );
    await expect(member(page, "Thomas Petit").getByTestId("capacity")).toContainText("/ 60");
    await expect(panel.getByRole("combobox")).toHaveCount(0);
    await expect(panel.getByRole("spinbutton")).toHaveCount(0);
    await expect(panel.getByRole("button")).toHaveCount(0);
    await expect(page.getByTestId("routing-summary")).toContainText(/unassigned MQLs? waiting/);

    const response = await page.request.get("/api/v1/teams");
    expect(response.status()).toBe(403);
  });
});

test.describe("Teams and routing (rep)", () => {
  test.use({ storageState: storageState("rep") });

  test("gets 403 from the API and from Settings", async ({ page }) => {
    const list = await page.request.get("/api/v1/teams");
    expect(list.status()).toBe(403);
    expect((await list.json()).error.code).toBe("forbidden");
    const patch = await page.request.patch("/api/v1/users/00000000-0000-4000-8000-000000000000", {
      data: { capacity: 1000 },
    });
    expect(patch.status()).toBe(403);
    const put = await page.request.put(
      "/api/v1/teams/00000000-0000-4000-8000-000000000000/territories",
      { data: { countries: ["FR"] } },
    );
    expect(put.status()).toBe(403);
    expect((await page.goto("/settings"))?.status()).toBe(403);
  });
});
