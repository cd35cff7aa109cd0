import { expect, forgiveFaked500, test } from "./test";
import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";

const answered = (page: Page, method: string, path: RegExp) =>
  page.waitForResponse(
    (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
  );
const tier = (page: Page, name: string) =>
  page.getByTestId("sla-tier").and(page.locator(`[data-tier="${name}"]`));
type Reason = {
  id: number;
  kind: string;
  code: string;
  labels: { en: string; fr: string };
  position: number;
  archived: boolean;
};

test.describe("Sales settings (manager)", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: storageState("manager") });

  test("edits the Hot tier's first-touch time; the change survives a reload and shows in the API", async ({
    page,
  }) => {
    await page.goto("/settings/sla");
    const panel = page.getByTestId("sla-panel");
    await expect(panel.getByRole("heading", { name: "SLA policies" })).toBeVisible();
    const hot = tier(page, "Hot");
    await expect(hot.getByTestId("tier-sentence")).toHaveText(
      "Grade A or score ≥ 100: first touch within 1 business hour; 3 touches within 5 business days.",
    );
    await expect(tier(page, "Standard")).toContainText("Everyone else");

    await hot.getByRole("textbox", { name: "First touch time of Hot" }).fill("2");
    await expect(hot.getByTestId("tier-sentence")).toHaveText(
      "Grade A or score ≥ 100: first touch within 2 business hours; 3 touches within 5 business days.",
    );
    await expect(panel.getByText("Unsaved changes")).toBeVisible();
    const put = answered(page, "PUT", /\/api\/v1\/sla-policies$/);
    await panel.getByRole("button", { name: "Save tiers" }).click();
    expect((await put).status()).toBe(200);
    await expect(panel.getByRole("status")).toContainText("Tiers saved.");

    await page.reload();
    await expect(
      tier(page, "Hot").getByRole("textbox", { name: "First touch time of Hot" }),
    ).toHaveValue("2");
    const api = await (await page.request.get("/api/v1/sla-policies")).json();
    expect(
      api.data.map((p: { name: string; firstTouchMinutes: number }) => [
        p.name,
        p.firstTouchMinutes,
      ]),
    ).toEqual([
      ["Hot", 120],
      ["Standard", 240],
    ]);

    // Back to one hour for the other specs, with the unit switched to minutes this time.
    await tier(page, "Hot").getByRole("textbox", { name: "First touch time of Hot" }).fill("60");
    await tier(page, "Hot")
      .getByLabel("Unit of the first touch time of Hot")
      .selectOption("minutes");
    const back = answered(page, "PUT", /\/api\/v1\/sla-policies$/);
    await page.getByRole("button", { name: "Save tiers" }).click();
    expect((await back).status()).toBe(200);
    expect(
      (await (await page.request.get("/api/v1/sla-policies")).json()).data[0].firstTouchMinutes,
    ).toBe(60);
  });

  test("refuses an empty name or a tier that would catch everyone, without calling the server", async ({
    page,
  }) => {
    await page.goto("/settings/sla");
    const panel = page.getByTestId("sla-panel");
    let puts = 0;
    page.on("request", (r) => {
      if (r.method() === "PUT" && r.url().includes("/api/v1/sla-policies")) puts++;
    });
    await panel.getByLabel("Name of tier 1").fill("");
    await panel.getByRole("button", { name: "Save tiers" }).click();
    await expect(panel.getByText("Name the tier.")).toBeVisible();
    await expect(panel.getByLabel("Name of tier 1")).toHaveAttribute("aria-invalid", "true");
    await expect(panel.getByRole("alert")).toHaveText("Fix the highlighted fields before saving.");

    // A new tier, moved to the top with the keyboard, with no grade nor score.
    await panel.getByLabel("Name of tier 1").fill("Hot");
    await panel.getByRole("button", { name: "Add a tier" }).click();
    await panel.getByLabel("Name of tier 2").fill("Warm");
    await panel.getByLabel("Minimum fit grade of Warm").selectOption("");
    await panel.getByRole("button", { name: "Move Warm up" }).focus();
    await page.keyboard.press("Enter");
    await expect(panel.getByLabel("Name of tier 1")).toHaveValue("Warm");
    await expect(panel.getByRole("button", { name: "Move Warm down" })).toBeFocused();
    await expect(
      panel.getByText("Give this tier a grade or a score, or move it last"),
    ).toBeVisible();
    expect(puts).toBe(0);

    await panel.getByRole("button", { name: "Discard changes" }).click();
    await expect(panel.getByLabel("Name of tier 1")).toHaveValue("Hot");
    await expect(panel.getByTestId("sla-tier")).toHaveCount(2);
  });

  test("adds a reject reason in English and French, moves it up, then removes it (never used: deleted)", async ({
    page,
  }) => {
    await page.goto("/settings/reasons");
    const reject = page.getByTestId("reasons-reject");
    const active = reject.getByRole("list", { name: "Active reject reasons" });
    await reject.getByRole("button", { name: "Add a reason to the reject list" }).click();
    const form = reject.getByRole("form", { name: "Add a reason to the reject list" });
    await form.getByRole("button", { name: "Add a reason" }).click();
    await expect(form.getByText("Give the reason a label.")).toHaveCount(2);

    await form.getByLabel("English label of the new reject reason").fill("Budget frozen");
    await form.getByLabel("French label of the new reject reason").fill("Budget gelé");
    await expect(form.getByLabel("Code of the new reject reason")).toHaveValue("budget_frozen");
    const post = answered(page, "POST", /\/api\/v1\/reasons$/);
    await form.getByRole("button", { name: "Add a reason" }).click();
    expect((await post).status()).toBe(201);
    await expect(reject.getByRole("status")).toHaveText(
      "“Budget frozen” added at the end of the list.",
    );
    await expect(active.getByTestId("reason-row").last()).toContainText("Budget frozen");
    await expect(active.getByTestId("reason-row").last()).toContainText("Budget gelé");

    // Relabel the French side.
    await active.getByRole("button", { name: "Edit Budget frozen" }).click();
    await active.getByLabel("French label").fill("Budget gelé pour l’année");
    const relabel = answered(page, "PATCH", /\/api\/v1\/reasons\/\d+$/);
    await active.getByRole("button", { name: "Save", exact: true }).click();
    expect((await relabel).status()).toBe(200);
    await expect(active.getByTestId("reason-row").last()).toContainText("Budget gelé pour l’année");

    const patch = answered(page, "PATCH", /\/api\/v1\/reasons\/\d+$/);
    await active.getByRole("button", { name: "Move Budget frozen up" }).click();
    expect((await patch).status()).toBe(200);
    const codes = async () =>
      ((await (await page.request.get("/api/v1/reasons?kind=reject")).json()).data as Reason[]).map(
        (r) => r.code,
      );
    await expect.poll(codes).toEqual(["not_ready", "no_response", "budget_frozen", "no_project"]);
    await page.reload();
    await expect(active.getByTestId("reason-row").nth(2)).toHaveAttribute(
      "data-code",
      "budget_frozen",
    );

    const del = answered(page, "DELETE", /\/api\/v1\/reasons\/\d+$/);
    await active.getByRole("button", { name: "Remove Budget frozen" }).click();
    expect((await del).status()).toBe(200);
    await expect(reject.getByRole("status")).toHaveText(
      "“Budget frozen” was never used, so it was deleted.",
    );
    await expect(active).not.toContainText("Budget frozen");
    await expect(
      reject.getByTestId("archived-reason").filter({ hasText: "Budget frozen" }),
    ).toHaveCount(0);
    expect(await codes()).toEqual(["not_ready", "no_response", "no_project"]);
  });

  test("archives a used reason (gone from the active list, under archived) and restores it", async ({
    page,
  }) => {
    await page.goto("/settings/reasons");
    const reject = page.getByTestId("reasons-reject");
    const active = reject.getByRole("list", { name: "Active reject reasons" });
    const del = answered(page, "DELETE", /\/api\/v1\/reasons\/\d+$/);
    await active.getByRole("button", { name: "Remove No project yet" }).click();
    expect((await del).status()).toBe(200);
    await expect(reject.getByRole("status")).toHaveText(
      "“No project yet” is used by past decisions, so it was archived. Restore it at any time.",
    );
    await expect(active).not.toContainText("No project yet");

    await page.reload();
    const archived = reject.getByTestId("archived-reject");
    await expect(
      archived.getByTestId("archived-reason").filter({ hasText: "No project yet" }),
    ).toBeHidden(); // folded away
    await archived.getByText("1 archived reason").click();
    await expect(
      archived.getByTestId("archived-reason").filter({ hasText: "No project yet" }),
    ).toBeVisible();
    const rep = (
      (await (await page.request.get("/api/v1/reasons?kind=reject")).json()).data as Reason[]
    ).map((r) => r.code);
    expect(rep).not.toContain("no_project");

    const patch = answered(page, "PATCH", /\/api\/v1\/reasons\/\d+$/);
    await archived.getByRole("button", { name: "Restore No project yet" }).click();
    expect((await patch).status()).toBe(200);
    await expect(active.getByTestId("reason-row").last()).toHaveAttribute(
      "data-code",
      "no_project",
    );
    await expect(reject.getByTestId("archived-reject")).toHaveCount(0);
  });

  test("a refused change is rolled back and explained", async ({ page, consoleErrors }) => {
    await page.goto("/settings/reasons");
    const active = page
      .getByTestId("reasons-disqualify")
      .getByRole("list", { name: "Active disqualify reasons" });
    await page.route(/\/api\/v1\/reasons\/\d+$/, (route) =>
      route.fulfill({ status: 500, json: { error: { code: "internal", message: "boom" } } }),
    );
    await active.getByRole("button", { name: "Remove Spam" }).click();
    await expect(page.getByTestId("reasons-disqualify").getByRole("alert")).toHaveText(
      "Something went wrong. Try again in a moment.",
    );
    await expect(active.getByTestId("reason-row").last()).toHaveAttribute("data-code", "spam");
    await page.unroute(/\/api\/v1\/reasons\/\d+$/);
    forgiveFaked500(consoleErrors);
  });

  test("adds and removes a holiday of the manager's own team", async ({ page }) => {
    await page.goto("/settings/holidays");
    const emea = page.getByTestId("team-holidays").and(page.locator('[data-team="EMEA"]'));
    await expect(page.getByTestId("team-holidays")).toHaveCount(1); // only their own team
    await emea.getByLabel("Add a holiday to EMEA").fill("2031-12-25");
    const put = answered(page, "PUT", /\/api\/v1\/teams\/[^/]+\/holidays$/);
    await emea.getByRole("button", { name: "Add", exact: true }).click();
    expect((await put).status()).toBe(200);
    const list = emea.getByRole("list", { name: "Holidays of EMEA" });
    await expect(list).toContainText("Thu, Dec 25, 2031");
    await page.reload();
    await expect(list).toContainText("Thu, Dec 25, 2031");
    const removed = answered(page, "PUT", /\/holidays$/);
    await list.getByRole("button", { name: "Remove Thu, Dec 25, 2031 from EMEA" }).click();
    expect((await removed).status()).toBe(200);
    await expect(emea).toContainText("Paris · no holidays");
    await expect(list).toHaveCount(0);
  });
});

test.describe("Sales settings are for admins and managers only", () => {
  test.describe("a rep", () => {
    test.use({ storageState: storageState("rep") });
    test("reads the lists but gets 403 on every change", async ({ page }) => {
      const tiers = await page.request.get("/api/v1/sla-policies");
      expect(tiers.status()).toBe(200);
      const policies = (await tiers.json()).data;
      expect(
        (await page.request.put("/api/v1/sla-policies", { data: { policies } })).status(),
      ).toBe(403);
      expect(
        (
          await page.request.post("/api/v1/reasons", {
            data: { kind: "reject", code: "rep_reason", labels: { en: "Rep", fr: "Rep" } },
          })
        ).status(),
      ).toBe(403);
      const reasons = (
        await (await page.request.get("/api/v1/reasons?includeArchived=true")).json()
      ).data as Reason[];
      expect(
        (
          await page.request.patch(`/api/v1/reasons/${reasons[0].id}`, { data: { position: 2 } })
        ).status(),
      ).toBe(403);
      expect((await page.request.delete(`/api/v1/reasons/${reasons[0].id}`)).status()).toBe(403);
      expect((await page.goto("/settings"))?.status()).toBe(403);
      await expect(page.getByTestId("sla-panel")).toHaveCount(0);
    });
  });

  test.describe("a marketer", () => {
    test.use({ storageState: storageState("marketer") });
    test("sees none of the panels and cannot change the tiers", async ({ page }) => {
      await page.goto("/settings");
      await expect(page.getByTestId("sla-panel")).toHaveCount(0);
      await expect(page.getByTestId("reasons-panel")).toHaveCount(0);
      await expect(page.getByTestId("holidays-panel")).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "SLA policies" })).toHaveCount(0);
      expect(
        (await page.request.put("/api/v1/sla-policies", { data: { policies: [] } })).status(),
      ).toBe(403);
    });
  });
});
