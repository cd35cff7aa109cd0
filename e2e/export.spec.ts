import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { csvRecords, parseCsv } from "../lib/domain/exports/parse-csv";
import { DEMO, storageState } from "./fixtures";

/** Clicks a download link and reads the file the browser saved. */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId(testId).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

test.describe("exports (marketer)", () => {
  test.use({ storageState: storageState("marketer") });

  test("the filtered leads list downloads as a CSV of exactly those leads", async ({ page }) => {
    await page.goto("/leads?stage=mql");
    const count = Number((await page.getByTestId("leads-count").textContent())!.replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    await expect(page.getByTestId("export-leads")).toHaveText(`Export ${count} leads (CSV)`);
    const { name, text } = await download(page, "export-leads");
    expect(name).toMatch(/^accord-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header] = parseCsv(text);
    for (const column of [
      "email",
      "company",
      "score",
      "fit",
      "engagement",
      "grade",
      "band",
      "stage",
      "owner_email",
      "predicted_probability",
      "last_decision",
      "last_decision_reason",
    ])
      expect(header).toContain(column);
    const rows = csvRecords(text);
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.stage))).toEqual(new Set(["mql"]));
    for (const r of rows) expect(r.grade).toMatch(/^[A-D][1-4]$/);
    // Nothing a spreadsheet would run as a formula.
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+@]/);
  });

  test("a search narrows the export like the list", async ({ page }) => {
    // His address: the model specs create other Thibaults through the API.
    await page.goto("/leads?q=thibault.marchand%40horizon-telecom.fr");
    const rows = csvRecords((await download(page, "export-leads")).text);
    expect(rows.map((r) => `${r.first_name} ${r.last_name}`)).toEqual(["Thibault Marchand"]);
    expect(rows[0].company).toBe("Horizon Télécom");
  });

  test("the reports page exports the events, decisions and stage changes of a period", async ({
    page,
  }) => {
    await page.goto("/reports");
    await page.getByTestId("preset-all").click();
    const events = await download(page, "export-events");
    expect(events.name).toMatch(/^accord-events-/);
    expect(parseCsv(events.text)[0]).toEqual([
      "id",
      "occurred_at",
      "lead_id",
      "lead_email",
      "name",
      "properties",
      "source",
      "external_id",
      "received_at",
    ]);
    expect(csvRecords(events.text).length).toBeGreaterThan(0);
    const moves = csvRecords((await download(page, "export-transitions")).text);
    expect(moves.some((m) => m.to_stage === "mql")).toBe(true);
    const decisions = parseCsv((await download(page, "export-decisions")).text);
    expect(decisions[0]).toContain("decision");
  });
});

test.describe("exports (rep)", () => {
  test.use({ storageState: storageState("rep") });

  test("a rep's export holds only their own leads", async ({ page }) => {
    await page.goto("/leads");
    const rows = csvRecords((await download(page, "export-leads")).text);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.owner_email))).toEqual(new Set([DEMO.rep]));
  });
});
