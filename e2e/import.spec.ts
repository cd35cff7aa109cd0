import { readFile } from "node:fs/promises";
import { expect, test } from "./test";
import { csvRecords } from "../lib/domain/exports/parse-csv";
import { storageState } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageState("marketer") });

const stamp = Date.now().toString(36);

/** A French Excel export: `;`-separated, dd/mm dates that also read as mm/dd, three bad rows. */
function frenchFile() {
  const lines = [
    "Email;Prénom;Nom;Entreprise;Pays;Date de création;Plan;Sièges",
    `ana.${stamp}@import.test;Ana;Silva;Atelier Nord;FR;03/04/2024;pro;12`,
    `ben.${stamp}@import.test;Ben;Roux;Bureau Sud;BE;05/06/2024;free;3`,
    `not-an-email;Cléo;Faure;Cabinet Est;FR;07/08/2024;pro;4`,
    `dan.${stamp}@import.test;Dan;Morel;Maison Ouest;Atlantis;09/10/2024;pro;5`,
    `eve.${stamp}@import.test;Eve;Blanc;Studio Centre;FR;pas une date;pro;6`,
    `fay.${stamp}@import.test;Fay;Noir;Agence Haute;DE;11/12/2024;enterprise;40`,
  ];
  return Buffer.from(lines.join("\r\n") + "\r\n", "latin1");
}

test("upload, map, dry run with the bad rows, import with progress, failed rows", async ({
  page,
}) => {
  await page.goto("/import");
  await expect(page.getByTestId("import-empty")).toBeVisible();
  await page.getByTestId("import-kind").selectOption("leads");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "export-excel.csv", mimeType: "text/csv", buffer: frenchFile() });

  const summary = page.getByTestId("file-summary");
  await expect(summary).toContainText("Semicolon (;)");
  await expect(summary).toContainText("Windows-1252");
  await expect(page.getByTestId("file-preview")).toContainText("Atelier Nord");
  await expect(page.getByTestId("file-preview")).toContainText("Cléo");

  // Suggestions from the headers, then traits typed by hand.
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("field:email");
  await page.getByLabel("Plan", { exact: true }).selectOption("trait:text");
  await page.getByLabel("Sièges", { exact: true }).selectOption("trait:number");

  // 03/04/2024 could be either: asked, not guessed.
  await expect(page.getByTestId("date-order")).toBeVisible();
  await expect(page.getByTestId("dry-run-start")).toBeDisabled();
  await page.getByTestId("date-order-dmy").check();

  await page.getByTestId("dry-run-start").click();
  const dry = page.getByTestId("dry-run");
  await expect(dry).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(dry.getByTestId("count-created")).toHaveText("3");
  await expect(dry.getByTestId("count-failed")).toHaveText("3");
  const errors = dry.getByTestId("row-errors");
  await expect(errors).toContainText("Not a valid email address.");
  await expect(errors).toContainText("Unknown country.");
  await expect(errors).toContainText("Not a date.");
  await expect(errors.locator("tbody tr").first()).toContainText("4");

  await page.getByTestId("import-start").click();
  const run = page.getByTestId("import-run");
  await expect(run.getByTestId("job-progress")).toBeVisible();
  await expect(run).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(run.getByTestId("count-created")).toHaveText("3");
  await expect(run.getByTestId("import-done")).toBeVisible();

  const [file] = await Promise.all([
    page.waitForEvent("download"),
    run.getByTestId("download-failed").click(),
  ]);
  const failed = csvRecords((await readFile((await file.path())!, "utf8")).replace(/^\uFEFF/, ""));
  expect(failed.map((r) => r.line).sort()).toEqual(["4", "5", "6"]);
  expect(failed.find((r) => r.line === "5")!.Pays).toBe("Atlantis");

  // The imported leads are there, dated from the file.
  await page.goto(`/leads?q=${stamp}`);
  await expect(page.getByTestId("leads-count")).toHaveText("3 leads");
});

test("a large import can be cancelled while it runs", async ({ page }) => {
  const rows = ["email,first_name,company"];
  for (let i = 0; i < 40_000; i++) rows.push(`bulk${i}.${stamp}@import.test,Bulk ${i},Bulk Co`);
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({
    name: "bulk.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(rows.join("\n")),
  });
  await expect(page.getByTestId("file-summary")).toContainText("Comma (,)");
  await page.getByTestId("dry-run-start").click();
  await expect(page.getByTestId("dry-run")).toHaveAttribute("data-state", "done", {
    timeout: 60_000,
  });
  await page.getByTestId("import-start").click();
  const run = page.getByTestId("import-run");
  await run.getByTestId("import-cancel").click();
  await expect(run).toHaveAttribute("data-state", "cancelled");
  await expect(run.getByTestId("import-cancelled")).toBeVisible();
});

test("a file that is not a CSV is explained, not imported", async ({ page }) => {
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({
    name: "photo.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0, 1, 2]),
  });
  await expect(page.getByTestId("file-problems")).toBeVisible();
  await expect(page.getByTestId("dry-run-start")).toHaveCount(0);
});
