import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo/seed/demo-users";

export const DEMO = {
  admin: "admin@accord.test",
  marketer: "camille@accord.test",
  manager: "sophie@accord.test",
  rep: "thomas@accord.test",
  rep2: "lea@accord.test",
} as const;

export type DemoRole = keyof typeof DEMO;

export const storageState = (role: DemoRole) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/work email|e-mail professionnel/i).fill(email);
  await page.getByLabel(/^password$|^mot de passe$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$|^se connecter$/i }).click();
}

export async function expectSignedIn(page: Page) {
  await expect(page.getByTestId("current-user").first()).toBeAttached();
}
