import { expect, test } from "./test";
import { storageState } from "./fixtures";

test.describe("a rep", () => {
  test.use({ storageState: storageState("rep") });

  test("opening /rules gets the friendly 403 page", async ({ page }) => {
    const response = await page.goto("/rules");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "This page is not part of your role" }),
    ).toBeVisible();
    await page.getByRole("link", { name: "Go to my home page" }).click();
    await expect(page).toHaveURL(/\/inbox/);
  });

  test("cannot open another rep's lead, by URL or through the API", async ({ page, browser }) => {
    // Find a lead owned by Léa, as the admin sees it.
    const admin = await browser.newContext({ storageState: storageState("admin") });
    const adminApi = admin.request;
    const owners = await (await adminApi.get("/api/v1/leads?pageSize=200&stage=mql")).json();
    const lea = owners.data.find(
      (l: { owner: { name: string } | null }) => l.owner?.name === "Léa Moreau",
    );
    expect(lea).toBeTruthy();
    await admin.close();

    const pageResponse = await page.goto(`/leads/${lea.id}`);
    expect(pageResponse?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();

    const api = await page.request.get(`/api/v1/leads/${lea.id}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe("not_found");
  });
});

test.describe("the API", () => {
  test("answers 401 JSON without a session", async ({ request }) => {
    const response = await request.get("/api/v1/leads");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: "Sign in or send a valid API key." },
    });
  });

  test.describe("with a session", () => {
    test.use({ storageState: storageState("marketer") });

    test("answers 400 with field errors for a bad query", async ({ page }) => {
      const response = await page.request.get("/api/v1/leads?stage=hot&pageSize=5000");
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.fields).toEqual({
        stage: ["Unknown lifecycle stage."],
        pageSize: ["At most 200 leads per page."],
      });
    });

    test("answers 404 JSON for an unknown or malformed lead id", async ({ page }) => {
      for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
        const response = await page.request.get(`/api/v1/leads/${id}`);
        expect(response.status()).toBe(404);
        expect((await response.json()).error.code).toBe("not_found");
      }
    });
  });
});
