import { expect, test } from "./test";
import type { APIRequestContext } from "@playwright/test";
import { TEMPLATES } from "../lib/domain/scoring/templates";
import { createApiKey } from "./api-keys";
import { storageState } from "./fixtures";

test.describe.configure({ mode: "serial" });

let key: string;
const auth = () => ({ Authorization: `Bearer ${key}` });
const run = Date.now().toString(36);
const FR_REPS = ["Thomas Petit", "Léa Moreau", "Hugo Laurent"];
const paula = `paula.${run}@horizon.test`;
const sam = `sam.${run}@univ.test`;

/** `count` demo requests: 25 points each under the seed-001 model. */
const demoRequests = (email: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${email}-demo-${i}`,
    email,
    name: "Demo Requested",
    properties: {},
    occurredAt: new Date(Date.now() - i * 3_600_000).toISOString(),
  }));

async function lead(request: APIRequestContext, email: string) {
  const [row] = (
    await (
      await request.get(`/api/v1/leads?email=${encodeURIComponent(email)}`, { headers: auth() })
    ).json()
  ).data;
  return (await (await request.get(`/api/v1/leads/${row.id}`, { headers: auth() })).json()).data;
}

test.beforeAll(async ({ browser, request }) => {
  key = await createApiKey(browser, [
    "events:write",
    "leads:read",
    "leads:write",
    "model:read",
    "model:write",
  ]);
  // Seed 001 with the line out of reach: nothing is handed over while the leads arrive.
  const model = { ...TEMPLATES["seed-001-saas"], mqlThreshold: 400 };
  expect(
    (await request.put("/api/v1/scoring-model/draft", { headers: auth(), data: model })).status(),
  ).toBe(200);
  expect(
    (
      await request.post("/api/v1/scoring-model/publish", {
        // Publishing runs as a job: wait for it to be live.
        headers: { ...auth(), prefer: "wait=60" },
        data: { note: "seed 001, MQL out of reach" },
      })
    ).status(),
  ).toBe(200);
  await request.post("/api/v1/leads", {
    headers: auth(),
    data: {
      email: paula,
      firstName: "Paula",
      lastName: "Ready",
      jobTitle: "Head of Procurement",
      country: "FR",
      phone: "+33 6 10 20 30 40",
    },
  });
  await request.post("/api/v1/leads", {
    headers: auth(),
    data: {
      email: sam,
      firstName: "Sam",
      lastName: "Student",
      jobTitle: "Student",
      country: "FR",
      phone: "+33 6 50 60 70 80",
    },
  });
  const sent = await request.post("/api/v1/events", {
    headers: auth(),
    data: { events: [...demoRequests(paula, 6), ...demoRequests(sam, 12)] },
  });
  expect((await sent.json()).accepted).toBe(18);
  expect(await lead(request, paula)).toMatchObject({
    stage: "lead",
    score: expect.objectContaining({ total: 150 }),
  });
  expect(await lead(request, sam)).toMatchObject({
    stage: "lead",
    score: expect.objectContaining({ total: 300 }),
  });
});

test.describe("as a marketer", () => {
  test.use({ storageState: storageState("marketer") });

  test("drags the threshold, sees the figures change, publishes: the lead above it becomes an MQL of the FR team, the student does not", async ({
    page,
    request,
  }) => {
    await page.goto("/thresholds");
    const slider = page.getByRole("slider", { name: "MQL threshold" });
    await expect(slider).toHaveAttribute("aria-valuenow", "400");
    const above = page.getByTestId("figure-above-value");
    const before = await above.textContent();

    // Drag the line to the left, by mouse.
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 500, box.y + 10, { steps: 10 });
    await page.mouse.up();
    const dragged = Number(await slider.getAttribute("aria-valuenow"));
    expect(dragged).toBeLessThan(400);
    await expect(page.getByTestId("figure-above")).toContainText(`at or above ${dragged} now`);
    await expect(above).not.toHaveText(before!);

    // The keyboard moves it too; the number field sets it exactly.
    await slider.focus();
    await page.keyboard.press("Shift+ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuenow", String(dragged + 10));
    await page.getByLabel("MQL threshold (points)").fill("150");
    await expect(slider).toHaveAttribute("aria-valuenow", "150");
    await expect(page.getByTestId("figure-above")).toContainText("at or above 150 now");
    const handoffs = page.getByTestId("figure-handoffs-value");
    await expect(handoffs).not.toHaveText("…");
    await expect
      .poll(async () => Number((await handoffs.textContent())!.replace(/\D/g, "")))
      .toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId("save-state")).toHaveText("Saved to the draft");

    // A competitor's domain joins the fit gate; it is saved to the draft.
    await page.getByRole("button", { name: "Add an exclusion" }).click();
    const exclusion = page.getByTestId("exclusion").last();
    await exclusion.getByLabel("Field").selectOption("email");
    await exclusion.getByLabel("Value").fill("@rival.example");
    await expect(page.getByTestId("save-state")).toHaveText("Saved to the draft");
    const draft = (
      await (await request.get("/api/v1/scoring-model/draft", { headers: auth() })).json()
    ).data;
    expect(draft.model.mqlThreshold).toBe(150);
    expect(draft.model.fitGate.exclude).toContainEqual({
      field: "email",
      op: "contains",
      value: "@rival.example",
    });

    await page.getByTestId("publish").click();
    await expect(page.getByTestId("publish-summary")).toContainText(/handed to sales/);
    await page.getByLabel("What changed and why").fill("MQL at 150, rival domain excluded");
    await page.getByTestId("publish-confirm").click();
    await expect(page.getByTestId("designer-banner")).toContainText("is live", { timeout: 60_000 });
    await expect(page.getByTestId("designer-status")).toContainText("MQL at 150 points");

    const ready = await lead(request, paula);
    expect(ready.stage).toBe("mql");
    expect(FR_REPS).toContain(ready.owner.name);
    expect(ready.owner.team).toBe("EMEA");
    expect(ready.transitions.at(-1)).toMatchObject({
      to: "mql",
      reason: "threshold_reached",
      score: expect.objectContaining({ total: 150 }),
    });
    const student = await lead(request, sam);
    expect(student.score.total).toBe(300);
    expect(student.stage).toBe("lead");
    expect(student.owner).toBeNull();
    expect(student.fitGate.passes).toBe(false);
  });

  test("says what is wrong instead of saving a broken band", async ({ page }) => {
    await page.goto("/thresholds");
    await expect(page.getByRole("slider", { name: "Start of band nurture" })).toBeVisible();
    await expect(page.getByLabel("Nurture track of band nurture")).toHaveValue(
      "Technical content and case studies",
    );
    await page.getByLabel("Lowest score of band nurture").fill("-5");
    await expect(page.getByText("Each band starts above the one before it.")).toBeVisible();
    await expect(page.getByTestId("save-state")).toHaveText(
      "Not saved: fix the fields marked below.",
    );
    await expect(page.getByTestId("publish")).toBeDisabled();
    await page.getByLabel("Lowest score of band nurture").fill("25");
    await expect(page.getByTestId("save-state")).toHaveText("Saved to the draft");
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: storageState("manager") });

  test("explores the figures but changes nothing", async ({ page }) => {
    await page.goto("/thresholds");
    await expect(page.getByText(/only marketers and admins change the threshold/)).toBeVisible();
    await expect(page.getByLabel("MQL threshold (points)")).toBeDisabled();
    await expect(page.getByTestId("publish")).toHaveCount(0);
    const slider = page.getByRole("slider", { name: "MQL threshold" });
    const value = Number(await slider.getAttribute("aria-valuenow"));
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuenow", String(value + 1));
    await expect(page.getByTestId("save-state")).toHaveCount(0);
  });
});

test.describe("as a rep", () => {
  test.use({ storageState: storageState("rep") });

  test("is not allowed in", async ({ page }) => {
    const response = await page.goto("/thresholds");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    expect((await page.request.get("/api/v1/thresholds/evidence")).status()).toBe(403);
  });
});

test("the evidence API answers 401 without a session", async ({ request }) => {
  expect((await request.get("/api/v1/thresholds/evidence")).status()).toBe(401);
});
