import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { TEMPLATES, template } from "../lib/domain/scoring/templates";
import { storageState } from "./fixtures";

// Other specs publish models too: everything here is about the versions this spec creates,
// found by their notes, never by their numbers.
const suffix = Date.now().toString(36);
const notes = {
  first: `History e2e ${suffix}: seed 003 as agreed`,
  second: `History e2e ${suffix}: guides are worth more`,
};

async function publish(page: Page, model: unknown, note: string): Promise<number> {
  expect((await page.request.put("/api/v1/scoring-model/draft", { data: model })).status()).toBe(
    200,
  );
  const published = await page.request.post("/api/v1/scoring-model/publish", {
    data: { note },
    headers: { prefer: "wait=60" },
  });
  expect(published.status()).toBe(200);
  return (await published.json()).data.version;
}

test.describe("a marketer", () => {
  test.use({ storageState: storageState("marketer") });

  test("publishes twice, reads what changed, and restores the older version as the draft", async ({
    page,
  }) => {
    const first = await publish(page, TEMPLATES["seed-003-telecom"], notes.first);
    const richer = structuredClone(TEMPLATES["seed-003-telecom"]);
    richer.rules.find((r) => r.id === "guide")!.points = 40;
    const second = await publish(page, richer, notes.second);

    const detail = await page.request.get(`/api/v1/scoring-model/versions/${first}`);
    expect(detail.status()).toBe(200);
    expect((await detail.json()).data).toMatchObject({
      version: first,
      note: notes.first,
      author: "Camille Durand",
      model: { name: "B2B telecom (seed 003)" },
    });
    expect((await page.request.get("/api/v1/scoring-model/versions/999999")).status()).toBe(404);
    // Not a version number: nothing lives at that address.
    expect((await page.request.get("/api/v1/scoring-model/versions/latest")).status()).toBe(404);

    await page.goto("/rules/history");
    await expect(page.getByRole("heading", { name: "Version history", level: 1 })).toBeVisible();
    const row = (note: string) => page.getByTestId("version-row").filter({ hasText: note });
    await expect(row(notes.first)).toContainText(`Version ${first}`);
    await expect(row(notes.second)).toContainText(`Version ${second}`);
    await expect(row(notes.second)).toContainText("Camille Durand");
    await expect(row(notes.second)).toContainText(/leads? rescored in/);

    await page.getByTestId("compare-from").selectOption(String(first));
    await page.getByTestId("compare-to").selectOption(String(second));
    await expect(page).toHaveURL(new RegExp(`from=${first}&to=${second}`));
    await expect(page.getByTestId("diff-summary")).toContainText(
      "1 rule changed · 0 added · 0 removed · 5 unchanged",
    );
    const guide = page.getByTestId("rule-change").filter({ hasText: "Downloaded a guide" });
    await expect(guide).toHaveAttribute("data-change", "changed");
    await expect(guide).toContainText("Changed");
    await expect(guide.getByTestId("field-change")).toHaveCount(1);
    await expect(guide.getByTestId("field-change")).toContainText("Points");
    await expect(guide.getByTestId("field-change")).toContainText("+30 → +40");
    await expect(guide).toContainText(
      "Downloaded content whose asset type is guide · at most once",
    );

    // Cancelling leaves the draft alone.
    await row(notes.first).getByRole("button", { name: "Restore as draft" }).click();
    const dialog = page.getByRole("dialog", { name: `Restore version ${first} as the draft?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("replaces the current draft, last saved by Camille Durand");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(
      (await (await page.request.get("/api/v1/scoring-model/draft")).json()).data.model.rules.find(
        (r: { id: string }) => r.id === "guide",
      ).points,
    ).toBe(40);

    await row(notes.first).getByRole("button", { name: "Restore as draft" }).click();
    await dialog.getByRole("button", { name: "Restore as draft" }).click();
    await expect(page.getByTestId("restored")).toContainText(`Version ${first} is now the draft.`);
    await expect(page.getByTestId("restored").getByRole("link")).toHaveAttribute("href", "/rules");
    await expect(page.getByTestId("compare-to")).toHaveValue("draft");

    const draft = (await (await page.request.get("/api/v1/scoring-model/draft")).json()).data;
    expect(draft.model.rules).toEqual(template("seed-003-telecom").rules);
    expect(draft.updatedBy).toBe("Camille Durand");
  });
});

test.describe("a manager", () => {
  test.use({ storageState: storageState("manager") });

  test("reads the history but cannot restore, on the page or through the API", async ({ page }) => {
    await page.goto("/rules/history");
    await expect(page.getByRole("heading", { name: "Version history", level: 1 })).toBeVisible();
    await expect(page.getByTestId("version-row").first()).toBeVisible();
    await expect(page.getByTestId("compare-panel")).toBeVisible();
    await expect(page.getByRole("button", { name: /restore/i })).toHaveCount(0);

    const [latest] = (await (await page.request.get("/api/v1/scoring-model/versions")).json()).data;
    const response = await page.request.post(
      `/api/v1/scoring-model/versions/${latest.version}/restore`,
    );
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  });
});

test.describe("a rep", () => {
  test.use({ storageState: storageState("rep") });

  test("gets the 403 page and 403 JSON", async ({ page }) => {
    const response = await page.goto("/rules/history");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    expect((await page.request.post("/api/v1/scoring-model/versions/1/restore")).status()).toBe(
      403,
    );
    expect((await page.request.get("/api/v1/scoring-model/versions/1")).status()).toBe(403);
  });
});
