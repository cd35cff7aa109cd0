/**
 * What people feel in a real browser: the production build on the demo data, Debian's Chromium,
 * signed in as each role. For each main page (and each tab of the reports), the median of three
 * loads of the Largest Contentful Paint (target ≤ 1.5 s) and of the Cumulative Layout Shift
 * (≤ 0.05, the largest session window as Chrome counts it); and a rep's inbox of 500 open MQLs:
 * from navigation until the rows are on screen and `j` moves the selection (≤ 1 s). The floor, in
 * the same run and browser: the LCP of a plain static page of one heading and one paragraph,
 * served by a bare Node server (what this machine's Chromium needs to paint anything at all).
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { openDb } from "../../db/client";
import { DEMO, signIn, type DemoRole } from "../../e2e/fixtures";
import { navFor } from "../../lib/auth/permissions";
import type { Role } from "../../lib/shared/vocabulary";
import { topUpOpenMqls } from "./inbox";
import { timeResult, type Result } from "./report";
import { startServer } from "./server";

const LCP_MS = 1_500;
const CLS_MAX = 0.05;
const INBOX_MS = 1_000;
/** The rep given 500 open MQLs (not the rep the other pages are measured as). */
const BIG_INBOX_REP = "emily@accord.test";
const REPORT_TABS = ["funnel", "calibration", "rules", "sla", "reasons", "recalibration"];
const ROLES: { persona: DemoRole; role: Role }[] = [
  { persona: "marketer", role: "marketer" },
  { persona: "rep", role: "rep" },
  { persona: "manager", role: "manager" },
  { persona: "admin", role: "admin" },
];

type Load = { lcp: number; cls: number; element: string; ttfb: number; errors: string[] };

/**
 * Installed before any script of the page: LCP and layout-shift entries, buffered. CLS is the
 * largest session window (shifts less than 1 s apart, at most 5 s long), without shifts that
 * follow an input.
 */
const OBSERVE = `(() => {
  const w = window;
  w.__vitals = { lcp: 0, element: "", cls: 0 };
  let session = 0, first = 0, last = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      w.__vitals.lcp = e.renderTime || e.loadTime || e.startTime;
      const el = e.element;
      w.__vitals.element = el
        ? el.tagName.toLowerCase() + (el.dataset && el.dataset.testid ? "[" + el.dataset.testid + "]" : "") +
          " " + JSON.stringify((el.textContent || "").trim().slice(0, 40))
        : "(removed)";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      if (session && e.startTime - last < 1000 && e.startTime - first < 5000) session += e.value;
      else { session = e.value; first = e.startTime; }
      last = e.startTime;
      w.__vitals.cls = Math.max(w.__vitals.cls, session);
    }
  }).observe({ type: "layout-shift", buffered: true });
})();`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measureLoad(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text().slice(0, 120))));
  page.on("pageerror", (e) => void errors.push(e.message.slice(0, 120)));
  try {
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    // Late content (a report fetched after hydration) is part of the load: wait for the network.
    await page.waitForLoadState("networkidle", { timeout: 20_000 }).catch(() => {});
    await page.waitForTimeout(500);
    const measured = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      const vitals = (
        window as unknown as { __vitals: { lcp: number; cls: number; element: string } }
      ).__vitals;
      return { ...vitals, ttfb: nav ? nav.responseStart : 0 };
    });
    return { ...measured, errors };
  } finally {
    await page.close();
  }
}

/** The LCP of a static page with nothing to compute, fetch or run: the machine's floor. */
async function floorLcp(browser: Browser, loads: number): Promise<number> {
  const html =
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Floor</title></head>" +
    "<body><h1>Floor</h1><p>One paragraph of text, the largest element of this page.</p></body></html>";
  const server = createServer((_, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(html);
  }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(OBSERVE);
  try {
    const runs: number[] = [];
    for (let i = 0; i < loads; i++)
      runs.push((await measureLoad(context, `http://127.0.0.1:${port}/`)).lcp);
    return median(runs);
  } finally {
    await context.close();
    server.close();
  }
}

async function signedIn(
  browser: Browser,
  baseURL: string,
  persona: DemoRole,
  email: string = DEMO[persona],
) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  await signIn(page, email);
  await page.getByTestId("current-user").first().waitFor({ state: "attached", timeout: 60_000 });
  await page.close();
  return context;
}

function pagesFor(role: Role, leadId: string): string[] {
  const pages: string[] = [];
  for (const item of navFor(role)) {
    if (item.href === "/reports") {
      // Every tab for the manager, whose dashboards they are; the first and the slowest for others.
      const tabs = role === "manager" ? REPORT_TABS : ["funnel", "recalibration"];
      for (const tab of tabs) pages.push(tab === "funnel" ? "/reports" : `/reports?tab=${tab}`);
    } else pages.push(item.href);
    if (item.href === "/leads") pages.push(`/leads/${leadId}`);
  }
  return pages;
}

/** From navigation until the first rows are drawn and `j` has moved the selection. */
async function inboxInteractive(context: BrowserContext): Promise<{ ms: number; rows: number }> {
  const page: Page = await context.newPage();
  try {
    await page.goto("/inbox", { waitUntil: "commit" });
    await page.getByTestId("inbox-row").first().waitFor({ timeout: 60_000 });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await page.keyboard.press("j");
      const moved = await page.evaluate(() => {
        const rows = [...document.querySelectorAll("[data-testid=inbox-row]")];
        const at = rows.findIndex((r) => r.getAttribute("data-selected") === "true");
        return at > 0 ? { ms: performance.now(), rows: rows.length } : null;
      });
      if (moved) return moved;
      await page.waitForTimeout(20);
    }
    throw new Error("j never moved the inbox's selection");
  } finally {
    await page.close();
  }
}

export async function pagesBenchmark(
  url: string,
  log: (m: string) => void,
  options: { port: number; loads: number },
): Promise<Result[]> {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
  if (!executablePath) throw new Error("Chromium is not installed (apt-get install -y chromium).");
  log("starting the production build on the demo data (builds first if sources changed)…");
  const server = await startServer(url, options.port, log, {
    env: { ACCORD_DEMO_DATA: "true", ACCORD_WORKER: "true" },
    timeoutMs: 900_000,
  });
  const baseURL = `http://127.0.0.1:${options.port}`;
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const results: Result[] = [];
  try {
    // A lead of the rep everyone may read (the rep's own, the manager's team's).
    const [lead] = await raw`
      select l.id from leads l join users u on u.id = l.owner_id
      where u.email = ${DEMO.rep} order by l.lifecycle_stage = 'mql' desc, l.id limit 1`;
    const [rep] = await raw<{ id: string; team_id: string }[]>`
      select id, team_id from users where email = ${BIG_INBOX_REP}`;
    const handle = await openDb({ kind: "postgres", url, max: 2 });
    await topUpOpenMqls(handle.db, rep, 500, new Date());
    await handle.close();
    const [queue] = await raw<{ n: number }[]>`
      select count(*)::int as n from leads where owner_id = ${rep.id} and lifecycle_stage in ('mql', 'sal')`;

    // The recalibration tab at its fullest: a trained predictive score.
    const manager = await signedIn(browser, baseURL, "manager");
    const trained = await manager.request.post("/api/v1/predictive/train", {
      headers: { prefer: "wait=25" },
      timeout: 60_000,
    });
    log(`  predictive score trained: ${trained.status()}`);
    await manager.close();

    const floor = await floorLcp(browser, Math.max(3, options.loads));
    log(`  floor: a static page's LCP in this browser ${Math.round(floor)} ms`);
    results.push(timeResult("lcp floor (static page)", floor, null));

    for (const { persona, role } of ROLES) {
      const context = await signedIn(browser, baseURL, persona);
      for (const path of pagesFor(role, lead.id as string)) {
        const loads: Load[] = [];
        for (let i = 0; i < options.loads; i++) loads.push(await measureLoad(context, path));
        const lcp = median(loads.map((l) => l.lcp));
        const cls = median(loads.map((l) => l.cls));
        const element = loads.find((l) => l.lcp === lcp)?.element ?? "";
        const ttfb = median(loads.map((l) => l.ttfb));
        const errors = [...new Set(loads.flatMap((l) => l.errors))];
        const name = path.replace(lead.id as string, ":id");
        log(
          `  ${persona.padEnd(8)} ${name.padEnd(28)} LCP ${String(Math.round(lcp)).padStart(5)} ms (${loads.map((l) => Math.round(l.lcp)).join(", ")})  CLS ${cls.toFixed(3)} (${loads.map((l) => l.cls.toFixed(3)).join(", ")})  TTFB ${Math.round(ttfb)} ms  ${element}`,
        );
        for (const e of errors) log(`    console error: ${e}`);
        results.push(timeResult(`lcp ${persona} ${name}`, lcp, floor, { maxMs: LCP_MS }));
        results.push({
          id: `cls ${persona} ${name}`,
          value: Math.round(cls * 1000) / 1000,
          unit: "",
          floor: null,
          ratio: null,
          target: `≤ ${CLS_MAX}`,
          ok: cls <= CLS_MAX,
        });
      }
      await context.close();
    }

    const big = await signedIn(browser, baseURL, "rep", BIG_INBOX_REP);
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i < options.loads; i++) {
      const run = await inboxInteractive(big);
      runs.push(run.ms);
      rows = run.rows;
    }
    log(
      `  inbox of ${queue.n} leads (${rows} rows drawn when j first moved) interactive after ${Math.round(median(runs))} ms (${runs.map(Math.round).join(", ")})`,
    );
    results.push(
      timeResult("inbox_500_mqls_interactive", median(runs), floor, { maxMs: INBOX_MS }),
    );
    await big.close();
  } finally {
    await browser.close();
    await raw.end();
    server.stop();
  }
  return results;
}
