import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";

// These tests publish models: they run one after the other (see playwright.config.ts projects).
test.describe.configure({ mode: "serial" });

async function thibaultScore(page: Page): Promise<number> {
  const list = await page.request.get(
    `/api/v1/leads?email=${encodeURIComponent("thibault.marchand@horizon-telecom.fr")}`,
  );
  const [lead] = (await list.json()).data;
  const detail = await (await page.request.get(`/api/v1/leads/${lead.id}`)).json();
  return detail.data.score.total;
}

/** Opens Thibault's lead page and reads the total on his score card. */
async function thibaultCard(page: Page): Promise<string> {
  await page.goto(`/leads?q=${encodeURIComponent("thibault.marchand@horizon-telecom.fr")}`);
  await page.getByRole("link", { name: "Thibault Marchand" }).click();
  return (await page.getByTestId("score-total").textContent())!.trim();
}

/** Publishes the draft; `derived`: the dialog says the scores follow from the current ones. */
async function publish(page: Page, note: string, derived = false) {
  await page.getByTestId("publish").click();
  const dialog = page.getByRole("dialog", { name: "Publish the draft" });
  await expect(dialog.getByTestId("publish-summary")).toBeVisible();
  await expect(dialog.getByTestId("publish-intro")).toHaveText(
    derived
      ? /^Only points, attribute rules or settings changed: each lead's new score follows from what every rule earned/
      : /^Every lead will be rescored against the draft/,
  );
  await dialog.getByRole("button", { name: "Publish and rescore" }).click();
  await expect(dialog.getByText("Say in a few words what changed, for the history.")).toBeVisible();
  await dialog.getByLabel("What changed and why").fill(note);
  await dialog.getByRole("button", { name: "Publish and rescore" }).click();
  // Publishing runs as a job: its progress bar shows leads rescored out of the total meanwhile.
  await expect(
    page.getByRole("progressbar", { name: "Rescoring every lead under the new version" }),
  ).toBeVisible();
  await expect(page.getByTestId("editor-banner")).toContainText(
    /Version \d+ is live: [\d,]+ leads rescored/,
  );
}

test.describe("the rule editor (marketer)", () => {
  test.use({ storageState: storageState("marketer") });

  test("loads the seed-003 template, publishes it, Thibault reads 110; a guide worth 40 makes 120", async ({
    page,
  }) => {
    await page.goto("/rules");
    await page.getByRole("button", { name: "Templates" }).click();
    await page.getByRole("button", { name: "Load as draft: B2B telecom" }).click();
    // A template replaces every rule and the threshold: always asked, in the app's own dialog.
    await page
      .getByRole("dialog", { name: "Replace the current draft with “B2B telecom”?" })
      .getByRole("button", { name: "Replace the draft" })
      .click();
    await expect(page.getByTestId("editor-banner")).toContainText(
      "“B2B telecom” loaded as the draft",
    );
    await expect(page.getByTestId("draft-rules").getByTestId("rule-row")).toHaveCount(6);
    await expect(page.getByTestId("impact-preview").getByTestId("preview-changed")).not.toHaveText(
      "0",
    );
    await publish(page, "Start from the telecom model (seed 003)");
    await expect(page.getByTestId("draft-changes")).toHaveText("The draft matches the live model");
    // The draft now equals the live model: its preview shows no change (decay is not a change).
    await expect(page.getByTestId("impact-preview").getByTestId("preview-changed")).toHaveText("0");
    expect(await thibaultScore(page)).toBe(110);
    expect(await thibaultCard(page)).toBe("110");

    // Edit the guide rule: 30 → 40.
    await page.goto("/rules");
    await page.getByRole("button", { name: "Edit “Downloaded a guide”" }).click();
    const panel = page.getByRole("dialog", { name: "Edit rule" });
    await panel.getByLabel("Points").fill("40");
    await expect(panel.getByTestId("panel-impact")).toContainText(
      /This change alone: [1-9][\d,]* scores change/,
    );
    await panel.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByTestId("draft-rules").locator('[data-rule-id="guide"]')).toContainText(
      "+40",
    );
    await expect(page.getByTestId("draft-rules").locator('[data-rule-id="guide"]')).toContainText(
      "Changed",
    );
    await expect(page.getByTestId("preview-changed")).not.toHaveText("0");
    await expect(page.getByTestId("preview-movers")).toBeVisible();
    await publish(page, "Guides are worth more", true);
    expect(await thibaultScore(page)).toBe(120);
    expect(await thibaultCard(page)).toBe("120");
  });

  test("builds a rule with the pickers only, is told a value is missing, fixes it and saves", async ({
    page,
  }) => {
    await page.goto("/rules");
    await page.getByRole("button", { name: "Add an engagement rule" }).click();
    const panel = page.getByRole("dialog", { name: "New rule" });
    const eventPicker = panel.getByLabel("Event", { exact: true });
    const option = eventPicker.locator("option", { hasText: "Page Viewed" });
    await eventPicker.selectOption((await option.getAttribute("value"))!);
    await panel.getByRole("button", { name: "Add a condition" }).click();
    const property = panel.getByLabel("Property");
    await expect(property.locator("option", { hasText: "page path" })).toHaveCount(1);
    await property.selectOption("path");
    await panel.getByLabel("Condition", { exact: true }).selectOption("contains");
    await panel.getByRole("button", { name: "Save rule" }).click();
    await expect(panel.getByText("Enter a value.")).toBeVisible();
    await expect(panel.getByRole("alert").first()).toContainText("One field needs attention.");
    await panel.getByLabel("Value", { exact: true }).fill("/pricing");
    await panel.getByLabel("At most (times)").fill("2");
    await panel.getByRole("button", { name: "Save rule" }).click();
    await expect(panel).toBeHidden();
    const row = page
      .getByTestId("draft-rules")
      .getByTestId("rule-row")
      .filter({ hasText: "Viewed a page whose page path contains /pricing · at most twice" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("New");
    // Delete it again so the draft stays as published.
    await row.getByRole("button", { name: /^Delete “/ }).click();
    await page.getByTestId("confirm-action").click();
    await expect(row).toHaveCount(0);
  });

  test("exports the draft as JSON and refuses an invalid import with every problem listed", async ({
    page,
  }, info) => {
    await page.goto("/rules");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export JSON" }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, "utf8"));
    expect(exported.rules.length).toBeGreaterThan(0);
    const broken = info.outputPath("broken.json");
    writeFileSync(
      broken,
      JSON.stringify({
        ...exported,
        mqlThreshold: "high",
        rules: [{ ...exported.rules[0], points: "ten" }],
      }),
    );
    await page.getByTestId("import-file").setInputFiles(broken);
    const problems = page.getByTestId("import-problems");
    await expect(problems).toContainText("$.mqlThreshold");
    await expect(problems).toContainText("$.rules.0.points");
  });
});

test.describe("who may edit", () => {
  test.describe("a manager", () => {
    test.use({ storageState: storageState("manager") });
    test("reads the rules without edit controls", async ({ page }) => {
      await page.goto("/rules");
      await expect(
        page.getByText("Read-only: your role can review the model but not change it."),
      ).toBeVisible();
      await expect(page.getByTestId("publish")).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^Edit “/ })).toHaveCount(0);
    });
  });

  test.describe("a rep", () => {
    test.use({ storageState: storageState("rep") });
    test("cannot open the editor, nor change the model by calling the API directly", async ({
      page,
    }) => {
      expect((await page.goto("/rules"))?.status()).toBe(403);
      const draft = await page.request.put("/api/v1/scoring-model/draft", {
        data: { name: "x", mqlThreshold: 1, bands: [{ name: "a", min: 0 }], rules: [] },
      });
      expect(draft.status()).toBe(403);
      expect(
        (await page.request.post("/api/v1/scoring-model/publish", { data: {} })).status(),
      ).toBe(403);
    });
  });
});
