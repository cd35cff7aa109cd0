import { expect, test } from "./test";
import { DEMO, expectSignedIn, signIn } from "./fixtures";

const NAV = {
  admin: ["Rules", "Thresholds", "Inbox", "Leads", "Reports", "Import", "Settings"],
  marketer: ["Rules", "Thresholds", "Leads", "Reports", "Import"],
  manager: ["Rules", "Thresholds", "Inbox", "Leads", "Reports", "Import", "Settings"],
  rep: ["Inbox", "Leads"],
} as const;

test.describe("signing in", () => {
  for (const role of Object.keys(NAV) as (keyof typeof NAV)[]) {
    test(`${role} signs in and sees their own navigation`, async ({ page }) => {
      await signIn(page, DEMO[role]);
      await expectSignedIn(page);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText([...NAV[role]]);
      await expect(page.getByTestId("current-role").first()).toBeVisible();
    });
  }

  test("a wrong password shows an error and keeps the email", async ({ page }) => {
    await signIn(page, DEMO.rep, "not-the-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      "That email and password do not match an active account.",
    );
    await expect(page.getByLabel("Work email")).toHaveValue(DEMO.rep);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a malformed email is flagged on its field", async ({ page }) => {
    await signIn(page, "not-an-email", "whatever");
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  });

  test("signing out ends the session", async ({ page }) => {
    // Signing out ends every session of the account: not one the other specs share.
    await signIn(page, "jordan@accord.test");
    await expectSignedIn(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/leads");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fleads/);
  });

  test("after signing in from a deep link the user lands where they were going", async ({
    page,
  }) => {
    await page.goto("/leads?stage=mql");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Work email").fill(DEMO.admin);
    await page.getByLabel("Password").fill("accord-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/leads\?stage=mql/);
  });
});
