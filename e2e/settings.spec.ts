import { expect, test } from "./test";
import { storageState } from "./fixtures";

test.describe("API keys in Settings (admin)", () => {
  test.use({ storageState: storageState("admin") });

  test("creates a key shown once, which then works, and revokes it", async ({ page, request }) => {
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("Name the key (e.g. the system that will use it).")).toBeVisible();
    const name = `UI key ${Date.now()}`;
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("checkbox", { name: "leads:read" }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.getByTestId("api-key-secret-value").textContent())!.trim();
    expect(secret).toMatch(/^acc_/);
    // The form is ready for the next key: no name, and only the default scope ticked.
    await expect(page.getByLabel("Key name")).toHaveValue("");
    await expect(page.getByRole("checkbox", { name: "leads:read" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "events:write" })).toBeChecked();
    const row = page.getByTestId("api-key-row").filter({ hasText: name });
    await expect(row).toContainText("Active");
    expect(
      (
        await request.get("/api/v1/leads?pageSize=1", {
          headers: { Authorization: `Bearer ${secret}` },
        })
      ).status(),
    ).toBe(200);

    await page.reload();
    await expect(page.getByTestId("api-key-secret")).toHaveCount(0);
    const revoked = page.waitForResponse(
      (r) => r.request().method() === "DELETE" && r.url().includes("/api/v1/api-keys/"),
    );
    await page
      .getByTestId("api-key-row")
      .filter({ hasText: name })
      .getByRole("button", { name: "Revoke" })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    expect((await revoked).status()).toBe(204);
    await expect(page.getByTestId("api-key-row").filter({ hasText: name })).toContainText(
      "Revoked",
    );
    expect(
      (
        await request.get("/api/v1/leads?pageSize=1", {
          headers: { Authorization: `Bearer ${secret}` },
        })
      ).status(),
    ).toBe(401);
  });
});

test.describe("API keys are admin-only", () => {
  test.use({ storageState: storageState("manager") });

  test("a manager neither sees them nor can create one through the API", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/teams$/);
    await expect(page.getByRole("heading", { name: "API keys" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
    expect((await page.goto("/settings/api-keys"))?.status()).toBe(403);
    const response = await page.request.post("/api/v1/api-keys", {
      data: { name: "sneaky", scopes: ["events:write"] },
    });
    expect(response.status()).toBe(403);
  });
});
