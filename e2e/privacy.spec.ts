import { expect, test } from "./test";
import { createApiKey } from "./api-keys";
import { storageState } from "./fixtures";

test.use({ storageState: storageState("admin") });

test("an admin sees consent with its source, downloads a lead's data and erases it after confirming", async ({
  page,
  browser,
  request,
}) => {
  const stamp = Date.now();
  const email = `erase.me.${stamp}@privacy.test`;
  const key = await createApiKey(browser, ["leads:write", "events:write"]);
  const auth = { authorization: `Bearer ${key}` };
  const created = await request.post("/api/v1/leads", {
    headers: auth,
    data: {
      email,
      firstName: "Grace",
      lastName: `Hopper${stamp}`,
      consent: true,
      consentSource: "trade_show",
    },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).data.id as string;
  await request.post("/api/v1/events", {
    headers: auth,
    data: { events: [{ id: `privacy-${stamp}`, email, name: "Page Viewed" }] },
  });

  await page.goto(`/leads/${id}`);
  await expect(page.getByTestId("lead-profile")).toContainText(/Given .*, via Trade show/);
  const privacy = page.getByRole("region", { name: "Privacy (GDPR)" });

  const download = page.waitForEvent("download");
  await privacy.getByRole("link", { name: "Download the lead's data (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`lead-${id}.json`);

  // The dialog says what goes and what stays; cancelling changes nothing.
  await privacy.getByRole("button", { name: "Erase the lead…" }).click();
  const dialog = page.getByRole("dialog", { name: `Erase Grace Hopper${stamp}?` });
  await expect(dialog).toContainText("This cannot be undone.");
  // Escape closes it, like Cancel, and nothing is erased.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("lead-name")).toHaveText(`Grace Hopper${stamp}`);

  await privacy.getByRole("button", { name: "Erase the lead…" }).click();
  await dialog.getByRole("button", { name: "Erase the lead" }).click();
  await expect(page).toHaveURL(/\/leads\?erased=1$/);
  await expect(page.getByTestId("lead-erased")).toContainText("The lead was erased");

  // Gone for everyone, and not recreated by the next sync.
  expect((await page.request.get(`/api/v1/leads/${id}`)).status()).toBe(404);
  const again = await request.post("/api/v1/events", {
    headers: auth,
    data: { events: [{ id: `privacy-${stamp}-again`, email, name: "Page Viewed" }] },
  });
  expect(await again.json()).toMatchObject({ accepted: 0, suppressed: 1 });
  const search = await page.request.get(`/api/v1/leads?email=${encodeURIComponent(email)}`);
  expect((await search.json()).data).toEqual([]);
});
