/**
 * Takes screenshots of the main pages at desktop and phone widths, in English and French, for a
 * human to look at: `npx tsx scripts/screenshots.ts [baseUrl] [page-filter]` against a running
 * server with the demo data. Files land in .screenshots/.
 */
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const filter = process.argv[3];
/** Where the pictures go (SHOTS_DIR to keep two data sets apart, e.g. the demo and the Olist import). */
const out = process.env.SHOTS_DIR ?? ".screenshots";
const PASSWORD = "accord-demo";

/** `element`: a data-testid to capture alone (a panel of a long page) instead of the page. */
type Shot = {
  name: string;
  as: string;
  path: string;
  then?: (page: Page) => Promise<void>;
  viewportOnly?: boolean;
  element?: string;
};

/** From a list of leads, opens the first one. */
async function openFirstLead(page: Page) {
  await page.locator('a[href^="/leads/"]:visible').first().click();
  await page.waitForURL(/\/leads\/[0-9a-f-]{36}/);
}

/** A small French Excel export for the import page: `;`, Windows-1252, ambiguous dates, bad rows. */
const IMPORT_FILE = Buffer.from(
  [
    "Email;Prénom;Nom;Entreprise;Pays;Date de création;Plan;Sièges",
    "ana@atelier-nord.test;Ana;Silva;Atelier Nord;FR;03/04/2024;pro;12",
    "ben@bureau-sud.test;Ben;Roux;Bureau Sud;BE;05/06/2024;free;3",
    "not-an-email;Cléo;Faure;Cabinet Est;FR;07/08/2024;pro;4",
    "dan@maison-ouest.test;Dan;Morel;Maison Ouest;Atlantis;09/10/2024;pro;5",
    "eve@studio-centre.test;Eve;Blanc;Studio Centre;FR;pas une date;pro;6",
  ].join("\r\n") + "\r\n",
  "latin1",
);

/** Uploads the import file and answers the date question: the mapping step. */
async function uploadImport(page: Page) {
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "export-excel.csv", mimeType: "text/csv", buffer: IMPORT_FILE });
  await page.getByTestId("mapping-table").waitFor();
  if (await page.getByTestId("date-order").isVisible())
    await page.getByTestId("date-order-dmy").check();
}

async function dryRun(page: Page) {
  await uploadImport(page);
  await page.getByTestId("dry-run-start").click();
  await page.locator("[data-testid=dry-run][data-state=done]").waitFor({ timeout: 60_000 });
}

const SHOTS: Shot[] = [
  { name: "import-empty", as: "camille@accord.test", path: "/import" },
  { name: "import-mapping", as: "camille@accord.test", path: "/import", then: uploadImport },
  { name: "import-dry-run", as: "camille@accord.test", path: "/import", then: dryRun },
  {
    name: "import-done",
    as: "camille@accord.test",
    path: "/import",
    then: async (page) => {
      await dryRun(page);
      await page.getByTestId("import-start").click();
      await page.locator("[data-testid=import-run][data-state=done]").waitFor({ timeout: 60_000 });
    },
  },
  { name: "import-manager", as: "sophie@accord.test", path: "/import" },
  {
    name: "reports-exports",
    as: "sophie@accord.test",
    path: "/reports?from=2026-01-01",
    element: "history-exports",
  },
  { name: "sign-in", as: "", path: "/sign-in" },
  { name: "leads", as: "camille@accord.test", path: "/leads" },
  { name: "leads-rep", as: "thomas@accord.test", path: "/leads" },
  { name: "lead", as: "camille@accord.test", path: "/leads?q=thibault", then: openFirstLead },
  { name: "lead-top", as: "thomas@accord.test", path: "/leads?sort=score", then: openFirstLead },
  {
    name: "lead-rule",
    as: "thomas@accord.test",
    path: "/leads?sort=score",
    then: async (page) => {
      await openFirstLead(page);
      await page.locator("[data-testid=receipt-line][data-kind=event] a").first().click();
      await page.waitForURL(/rule=/);
    },
  },
  { name: "forbidden", as: "thomas@accord.test", path: "/rules" },
  { name: "rules", as: "camille@accord.test", path: "/rules" },
  {
    name: "rule-panel",
    as: "camille@accord.test",
    path: "/rules",
    viewportOnly: true,
    then: async (page) => {
      await page
        .getByRole("button", { name: /add an engagement rule|ajouter une règle d’engagement/i })
        .click();
      await page.locator("#rule-event").selectOption({ index: 3 });
      await page.getByRole("button", { name: /add a condition|ajouter une condition/i }).click();
    },
  },
  {
    name: "publish",
    as: "camille@accord.test",
    path: "/rules",
    viewportOnly: true,
    then: async (page) => {
      await page
        .getByRole("button", { name: /^(edit “|modifier «)/i })
        .first()
        .click();
      await page.locator("#rule-points").fill("35");
      await page.locator("button[form=rule-form]").click();
      await page.waitForTimeout(1500);
      await page.getByTestId("publish").click();
    },
  },
  { name: "rules-manager", as: "sophie@accord.test", path: "/rules" },
  { name: "history", as: "camille@accord.test", path: "/rules/history" },
  { name: "thresholds", as: "camille@accord.test", path: "/thresholds" },
  {
    name: "thresholds-drag",
    as: "camille@accord.test",
    path: "/thresholds",
    viewportOnly: true,
    then: async (page) => {
      await page.getByRole("slider", { name: /mql threshold|seuil mql/i }).focus();
      await page.keyboard.press("Shift+ArrowRight");
      await page.keyboard.press("Shift+ArrowRight");
      await page.waitForTimeout(1500);
    },
  },
  { name: "thresholds-manager", as: "sophie@accord.test", path: "/thresholds" },
  { name: "inbox-manager", as: "sophie@accord.test", path: "/inbox", viewportOnly: true },
  { name: "inbox-rep", as: "thomas@accord.test", path: "/inbox", viewportOnly: true },
  {
    name: "inbox-pane",
    as: "thomas@accord.test",
    path: "/inbox",
    viewportOnly: true,
    then: async (page) => {
      await page.keyboard.press("j");
      await page.keyboard.press("Enter");
      await page.waitForTimeout(1500);
    },
  },
  {
    name: "inbox-accept",
    as: "thomas@accord.test",
    path: "/inbox",
    viewportOnly: true,
    then: async (page) => {
      await page.keyboard.press("a");
      await page.waitForTimeout(500);
    },
  },
  { name: "lead-mql", as: "thomas@accord.test", path: "/leads?stage=mql", then: openFirstLead },
  { name: "settings", as: "admin@accord.test", path: "/settings" },
  { name: "settings-manager", as: "sophie@accord.test", path: "/settings" },
  { name: "settings-sla", as: "sophie@accord.test", path: "/settings", element: "sla-panel" },
  {
    name: "settings-sla-errors",
    as: "sophie@accord.test",
    path: "/settings",
    element: "sla-panel",
    then: async (page) => {
      const panel = page.getByTestId("sla-panel");
      await panel.getByRole("button", { name: /add a tier|ajouter un niveau/i }).click();
      await panel.locator("form button[type=submit]").click();
    },
  },
  {
    name: "settings-reasons",
    as: "sophie@accord.test",
    path: "/settings",
    element: "reasons-panel",
    then: async (page) => {
      await page
        .getByTestId("reasons-reject")
        .getByRole("button", { name: /add a reject reason|ajouter un motif de rejet/i })
        .click();
    },
  },
  {
    name: "settings-holidays",
    as: "admin@accord.test",
    path: "/settings",
    element: "holidays-panel",
  },
  {
    name: "settings-webhooks",
    as: "admin@accord.test",
    path: "/settings",
    element: "webhooks-panel",
  },
  {
    name: "settings-webhooks-log",
    as: "admin@accord.test",
    path: "/settings",
    element: "webhooks-panel",
    then: async (page) => {
      await page
        .getByTestId("webhook-row")
        .first()
        .getByRole("button", { name: /delivery log|journal des envois/i })
        .click();
      await page.getByTestId("delivery-row").first().waitFor();
      await page.locator("[data-testid=delivery-row] details").first().locator("summary").click();
    },
  },
  {
    name: "settings-webhooks-add",
    as: "admin@accord.test",
    path: "/settings",
    viewportOnly: true,
    then: async (page) => {
      await page
        .getByTestId("webhooks-panel")
        .getByRole("button", { name: /^(add endpoint|ajouter un point de terminaison)$/i })
        .click();
      await page.getByRole("dialog").getByRole("textbox").first().fill("ftp://crm.example.com");
      await page.getByRole("dialog").locator("button[type=submit]").click();
    },
  },
  {
    name: "inbox-prediction",
    as: "thomas@accord.test",
    path: "/inbox",
    viewportOnly: true,
    then: async (page) => {
      await page.getByTestId("prediction-toggle").check();
    },
  },
  { name: "reports-funnel", as: "sophie@accord.test", path: "/reports" },
  { name: "reports-calibration", as: "sophie@accord.test", path: "/reports?tab=calibration" },
  { name: "reports-rules", as: "sophie@accord.test", path: "/reports?tab=rules" },
  { name: "reports-sla", as: "sophie@accord.test", path: "/reports?tab=sla" },
  { name: "reports-reasons", as: "sophie@accord.test", path: "/reports?tab=reasons&grain=month" },
  { name: "reports-recalibration", as: "sophie@accord.test", path: "/reports?tab=recalibration" },
  { name: "reports-marketer", as: "camille@accord.test", path: "/reports?tab=recalibration" },
];

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  for (const shot of SHOTS.filter((s) => !filter || s.name.includes(filter))) {
    for (const locale of ["en", "fr"]) {
      for (const [label, viewport] of [
        ["1280", { width: 1280, height: 860 }],
        ["390", { width: 390, height: 844 }],
      ] as const) {
        const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
        await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
        const page = await context.newPage();
        if (shot.as) {
          await page.goto(`${base}/sign-in`);
          await page.locator("#email").fill(shot.as);
          await page.locator("#password").fill(PASSWORD);
          await page.locator("form button[type=submit]").first().click();
          await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
        }
        await page.goto(`${base}${shot.path}`);
        await page.waitForLoadState("load");
        await page.waitForTimeout(1200);
        if (shot.then) await shot.then(page);
        await page.waitForTimeout(600);
        const file = `${out}/${shot.name}-${locale}-${label}.png`;
        if (shot.element) {
          // The phone header is sticky: it would cover the top of a panel captured alone.
          await page.addStyleTag({ content: "header.sticky { position: static !important; }" });
          await page.getByTestId(shot.element).screenshot({ path: file });
        } else await page.screenshot({ path: file, fullPage: !shot.viewportOnly });
        await context.close();
      }
    }
  }
  await browser.close();
  console.log(`screenshots in ${out}/`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
