import { expect, test } from "./test";
import { Webhook } from "standardwebhooks";
import { startReceiver, type Receiver } from "../lib/domain/webhooks/test-receiver";
import { createApiKey } from "./api-keys";
import { storageState } from "./fixtures";
import { makeMql } from "./mql-lead";

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageState("admin") });

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

type Body = { type: string; data: { lead?: { id: string } } };
/** The first request whose body passes `test` (other specs' leads may reach the endpoint too). */
const find = (test: (body: Body) => boolean) =>
  receiver.received.find((r) => test(JSON.parse(r.body) as Body));

test("an admin adds an endpoint, sends a test event, and sees an MQL's delivery in the log", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000); // deliveries share the endpoint with every MQL the suite makes
  await page.goto("/settings/webhooks");
  const panel = page.getByTestId("webhooks-panel");
  await expect(panel.getByText("No webhook endpoints yet")).toBeVisible();

  // A bad address is refused with the field named, in words.
  await panel.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
  await dialog.getByLabel("Endpoint URL").fill("ftp://crm.example.com/hooks");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByText("Use an http:// or https:// address")).toBeVisible();
  await expect(dialog.getByLabel("Endpoint URL")).toBeFocused();
  await expect(dialog.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Endpoint URL").fill(receiver.url);
  await dialog.getByLabel("Description").fill("E2E CRM");
  await expect(dialog.getByRole("checkbox", { name: /Lead became an MQL/ })).toBeChecked();
  await dialog.getByRole("checkbox", { name: /Lead accepted/ }).check();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();

  const shown = page.getByRole("dialog", { name: /copy its signing secret/ });
  const secret = (await shown.getByTestId("webhook-secret-value").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await shown.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(shown.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  await shown.getByRole("button", { name: "I have copied it" }).click();
  await expect(shown).toBeHidden();

  const row = panel.getByTestId("webhook-row").filter({ hasText: receiver.url });
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("E2E CRM");
  await expect(row).toContainText(`Secret ${secret.slice(0, 12)}…`);
  await expect(row).not.toContainText(secret);

  // The test event goes out, signed with the secret shown once, and the log says so.
  await row.getByRole("button", { name: "Send test event" }).click();
  await expect(row.getByText("Test event queued")).toBeVisible();
  await expect
    .poll(() => Boolean(find((b) => b.type === "webhook.test")), { timeout: 15_000 })
    .toBe(true);
  const ping = find((b) => b.type === "webhook.test")!;
  expect(new Webhook(secret).verify(ping.body, ping.headers)).toMatchObject({
    type: "webhook.test",
  });
  // Its outcome is recorded with the delivery: read through the API the log reads (other specs
  // make MQLs meanwhile, so under the whole suite the log's first page fills with their deliveries).
  const endpoints = await (await page.request.get("/api/v1/webhooks")).json();
  const endpointId = endpoints.data.find((e: { url: string }) => e.url === receiver.url).id;
  /** A delivery of this endpoint, read through every page of its log (other specs make MQLs). */
  const delivery = async (match: (d: { type: string; messageId: string }) => boolean) => {
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${cursor}`;
      const body = await (
        await page.request.get(`/api/v1/webhooks/${endpointId}/deliveries?limit=100${query}`)
      ).json();
      const found = body.data.find(match);
      if (found) return found as { id: string; status: string; responseStatus: number | null };
      cursor = body.nextCursor ?? null;
    } while (cursor !== null);
    return null;
  };
  const outcome = async (match: Parameters<typeof delivery>[0]) => {
    const found = await delivery(match);
    return found ? `${found.status} ${found.responseStatus}` : "missing";
  };
  await expect
    .poll(() => outcome((d) => d.type === "webhook.test"), { timeout: 60_000 })
    .toBe("succeeded 200");

  // A lead crosses the threshold through the API: its lead.mql reaches the receiver and the log.
  const key = await createApiKey(browser, [
    "events:write",
    "leads:read",
    "leads:write",
    "model:read",
  ]);
  const lead = await makeMql(request, key, `wanda.${Date.now().toString(36)}@horizon.test`);
  const ours = (b: Body) => b.type === "lead.mql" && b.data.lead?.id === lead.id;
  await expect.poll(() => Boolean(find(ours)), { timeout: 15_000 }).toBe(true);
  const sent = find(ours)!;
  const mql = new Webhook(secret).verify(sent.body, sent.headers) as {
    data: { lead: { id: string; stage: string } };
  };
  expect(mql.data.lead).toMatchObject({ id: lead.id, stage: "mql" });
  const webhookId = sent.headers["webhook-id"];

  // The receiver may hear of it a moment before the delivery's outcome is written.
  const isOurs = (d: { messageId: string }) => d.messageId === webhookId;
  await expect.poll(() => outcome(isOurs), { timeout: 60_000 }).toBe("succeeded 200");

  // The log on the page lists the MQL deliveries, in words (under the whole suite, ours may
  // already be below the first page: other specs make MQLs meanwhile).
  const reloaded = page.getByTestId("webhook-row").filter({ hasText: receiver.url });
  await page.reload();
  await reloaded.getByRole("button", { name: "Delivery log" }).click();
  await expect(
    reloaded
      .getByTestId("delivery-row")
      .filter({ hasText: "Lead became an MQL" })
      .filter({ hasText: "Delivered" })
      .first(),
  ).toBeVisible();

  // Resend: the same message again.
  const ourDelivery = (await delivery(isOurs))!;
  const resent = await page.request.post(
    `/api/v1/webhooks/${endpointId}/deliveries/${ourDelivery.id}/resend`,
  );
  expect(resent.status()).toBeLessThan(300);
  await expect
    .poll(() => receiver.received.filter((r) => r.headers["webhook-id"] === webhookId).length, {
      timeout: 15_000,
    })
    .toBe(2);

  // Disabled, it receives nothing: the test button is off and the API refuses.
  await reloaded.getByRole("button", { name: "Disable" }).click();
  await expect(reloaded).toContainText("Turned off by an admin.");
  await expect(reloaded.getByRole("button", { name: "Send test event" })).toBeDisabled();
});

test("a manager sees no webhooks and the API refuses them", async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState("manager") });
  const page = await manager.newPage();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Webhooks" })).toHaveCount(0);
  const response = await page.request.post("/api/v1/webhooks", {
    data: { url: "https://crm.example.com/hooks", eventTypes: ["lead.mql"] },
  });
  expect(response.status()).toBe(403);
  await manager.close();
});
