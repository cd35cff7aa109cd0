/**
 * Settings › Users: an admin creates people in the UI (with a password, or with a one-time
 * invitation link), changes them, and deactivates a rep, whose open MQLs are routed again.
 */
import type { Browser, Page } from "@playwright/test";
import { createApiKey } from "./api-keys";
import { expectAccessible } from "./axe";
import { expectSignedIn, signIn, storageState } from "./fixtures";
import { makeMql } from "./mql-lead";
import { expect, test } from "./test";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const userRow = (page: Page, email: string) =>
  page.getByTestId("user-row").and(page.locator(`[data-user="${email}"]`));

type NewUser = {
  name: string;
  email: string;
  team?: string;
  password?: string;
  capacity?: number;
};

async function addUser(page: Page, user: NewUser) {
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a user" });
  await dialog.getByLabel("Name").fill(user.name);
  await dialog.getByLabel("Work email").fill(user.email);
  await dialog.getByLabel("Role").selectOption({ label: "Sales rep" });
  if (user.team) await dialog.getByLabel("Team").selectOption({ label: user.team });
  await dialog.getByLabel("Time zone").selectOption("Europe/Paris");
  if (user.capacity !== undefined) await dialog.getByLabel("Capacity").fill(String(user.capacity));
  if (user.password) {
    await dialog.getByRole("radio", { name: /Set a password now/ }).check();
    await dialog.getByLabel("Password", { exact: true }).fill(user.password);
    await dialog.getByRole("button", { name: "Create user" }).click();
  } else {
    await dialog.getByRole("button", { name: "Create and get the link" }).click();
  }
  await expect(dialog).toBeHidden();
  await expect(userRow(page, user.email)).toBeVisible();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

test.describe("Users (admin)", () => {
  test.use({ storageState: storageState("admin") });

  test("a user created with a password signs in at once", async ({ page, browser }) => {
    await page.goto("/settings/users");
    const email = `ana.${stamp()}@example.test`;
    // Capacity 0: routing sends her none of the leads other specs hand over to EMEA meanwhile.
    await addUser(page, {
      name: "Ana Created",
      email,
      team: "EMEA",
      password: "s3cret-enough",
      capacity: 0,
    });
    await expect(page.getByTestId("users-notice")).toHaveText("Ana Created can sign in now.");
    const row = userRow(page, email);
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Sales rep");
    await expect(row).toContainText("EMEA");

    // A second user with the same email is refused in plain words.
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a user" });
    await dialog.getByLabel("Name").fill("Ana Again");
    await dialog.getByLabel("Work email").fill(email.toUpperCase());
    await dialog.getByRole("button", { name: "Create and get the link" }).click();
    await expect(dialog.getByText("Someone already signs in with this email.")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    const { context, page: ana } = await freshPage(browser);
    await signIn(ana, email, "s3cret-enough");
    await expectSignedIn(ana);
    await expect(ana.getByTestId("current-user").first()).toHaveText("Ana Created");
    await expect(ana).toHaveURL(/\/inbox$/);
    await context.close();
  });

  test("an invited user sets a password through the link, signs in, and the link works once", async ({
    page,
    browser,
  }) => {
    await page.goto("/settings/users");
    const email = `ben.${stamp()}@example.test`;
    await addUser(page, { name: "Ben Invited", email });
    await expect(userRow(page, email)).toContainText("Invited");
    const url = (await page.getByTestId("invitation-url").textContent())!.trim();
    expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

    const { context, page: ben } = await freshPage(browser);
    await ben.goto(url);
    await expect(ben.getByRole("heading", { name: "Welcome, Ben Invited" })).toBeVisible();
    await expectAccessible(ben, "the invitation page");
    await ben.getByLabel("New password").fill("short");
    await ben.getByLabel("Confirm the password").fill("short");
    await ben.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(ben.getByText("Choose a password of at least 8 characters.")).toBeVisible();
    await ben.getByLabel("New password").fill("ben-long-password");
    await ben.getByLabel("Confirm the password").fill("ben-long-password");
    await ben.getByRole("button", { name: "Set password and sign in" }).click();
    await expectSignedIn(ben);
    await expect(ben.getByTestId("current-user").first()).toHaveText("Ben Invited");
    await context.close();

    // Spent: the same link only says so.
    const again = await freshPage(browser);
    await again.page.goto(url);
    await expect(again.page.getByTestId("invite-problem")).toContainText("already been used");
    await again.context.close();

    await page.reload();
    await expect(userRow(page, email)).toContainText("Active");
  });

  test("deactivating a rep routes their open MQL to someone else, after a confirmation used by keyboard", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await page.goto("/settings/users");
    const email = `carl.${stamp()}@example.test`;
    // Capacity 0: routing sends him none of the leads other specs hand over to EMEA meanwhile;
    // the lead below is assigned to him by hand.
    await addUser(page, {
      name: "Carl Leaving",
      email,
      team: "EMEA",
      password: "carl-password",
      capacity: 0,
    });
    const carlId = (
      (await (await page.request.get("/api/v1/users")).json()).data as {
        id: string;
        email: string;
      }[]
    ).find((u) => u.email === email)!.id;

    // An open MQL of Carl's: a fresh lead from France (EMEA), handed to him.
    const key = await createApiKey(browser, [
      "events:write",
      "leads:write",
      "leads:read",
      "model:read",
    ]);
    const lead = await makeMql(page.request, key, `wanda.${stamp()}@horizon.test`);
    const owner = (await (await page.request.get(`/api/v1/leads/${lead.id}`)).json()).data.owner;
    expect(owner?.id).not.toBe(carlId);
    const assigned = await page.request.post(`/api/v1/leads/${lead.id}/assign`, {
      data: { repId: carlId },
    });
    expect(assigned.status()).toBe(200);
    await page.reload();
    const row = userRow(page, email);
    await expect(row).toContainText("1 / 0 open MQLs");

    // Keyboard only: open the confirmation, Escape keeps everything, then confirm with Tab + Enter.
    await row.getByRole("button", { name: "Deactivate Carl Leaving" }).focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: "Deactivate Carl Leaving?" });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText("Their open MQL is routed again to their team");
    await expect(confirm.getByRole("button", { name: "Deactivate Carl Leaving" })).toBeVisible();
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(row).toContainText("Active");

    await row.getByRole("button", { name: "Deactivate Carl Leaving" }).focus();
    await page.keyboard.press("Enter");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(confirm.getByRole("button", { name: "Deactivate Carl Leaving" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("users-notice")).toHaveText(
      "Carl Leaving is deactivated. 1 open MQL routed again.",
    );
    await expect(row).toContainText("Deactivated");
    await expect(row).toContainText("0 / 0 open MQLs");

    // The lead is with another rep of the team (or waits for one), never with Carl.
    await page.goto(`/leads/${lead.id}`);
    await expect(page.getByTestId("lifecycle-status")).toBeVisible();
    await expect(page.getByTestId("lifecycle-status")).not.toContainText("Carl Leaving");
    const after = (await (await page.request.get(`/api/v1/leads/${lead.id}`)).json()).data;
    expect(after.owner?.id ?? null).not.toBe(carlId);

    // Carl can no longer sign in.
    const { context, page: carl } = await freshPage(browser);
    await signIn(carl, email, "carl-password");
    await expect(carl.getByTestId("sign-in-error")).toBeVisible();
    await context.close();
  });

  test("an admin can neither deactivate themselves nor change their own role", async ({ page }) => {
    await page.goto("/settings/users");
    const me = userRow(page, "admin@accord.test");
    await expect(me).toContainText("You");
    await expect(me.getByRole("button", { name: /^Deactivate/ })).toHaveCount(0);
    await me.getByRole("button", { name: /^Edit/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Role")).toBeDisabled();
    await expect(dialog).toContainText("You cannot change your own role");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const id = (
      (await (await page.request.get("/api/v1/users")).json()).data as {
        id: string;
        email: string;
      }[]
    ).find((u) => u.email === "admin@accord.test")!.id;
    const demote = await page.request.patch(`/api/v1/users/${id}`, { data: { role: "rep" } });
    expect(demote.status()).toBe(422);
    expect((await demote.json()).error.message).toBe("You cannot change your own role.");
    const deactivate = await page.request.patch(`/api/v1/users/${id}`, { data: { active: false } });
    expect(deactivate.status()).toBe(422);
  });
});

test.describe("Users are for admins only", () => {
  test.use({ storageState: storageState("manager") });

  test("a manager neither sees the section nor reaches the API", async ({ page }) => {
    expect((await page.goto("/settings/users"))?.status()).toBe(403);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/teams$/);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    expect((await page.request.get("/api/v1/users")).status()).toBe(403);
    const create = await page.request.post("/api/v1/users", {
      data: { name: "Sneaky", email: "sneaky@example.test", role: "admin" },
    });
    expect(create.status()).toBe(403);
  });
});
