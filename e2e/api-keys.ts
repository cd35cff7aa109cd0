import type { Browser } from "@playwright/test";
import { storageState } from "./fixtures";

/** Creates an API key as the demo admin and returns its secret. */
export async function createApiKey(
  browser: Browser,
  scopes: string[],
  name = `e2e ${Date.now()}`,
): Promise<string> {
  const admin = await browser.newContext({ storageState: storageState("admin") });
  const response = await admin.request.post("/api/v1/api-keys", { data: { name, scopes } });
  if (response.status() !== 201)
    throw new Error(`API key creation failed: ${response.status()} ${await response.text()}`);
  const secret = (await response.json()).data.secret as string;
  await admin.close();
  return secret;
}
