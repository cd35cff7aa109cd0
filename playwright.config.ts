import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL } from "./e2e/config";

// Debian's Chromium; Playwright's own browser download is not available here. Its old headless
// shell (package chromium-headless-shell, what Playwright itself runs headless) when installed:
// measured on CI's 2 cores, the persona walks take 1.8 min in it against 2.3 min in the full
// browser.
const chromium = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((p) => existsSync(p));

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } };
const MODEL_SPECS = [
  /scoring-api\.spec\.ts/,
  /rules\.spec\.ts/,
  /history\.spec\.ts/,
  /handoff-api\.spec\.ts/,
  /thresholds\.spec\.ts/,
  /inbox\.spec\.ts/,
  /recalibration\.spec\.ts/,
];
/**
 * The PostgreSQL pass (DATABASE_URL set) runs the specs whose path through the server differs on
 * PostgreSQL: jobs run by the queue (imports, publishes, exports, webhook deliveries, erasures),
 * COPY, streaming, a second server killed mid-ingestion, and the inbox and API flows on a pool of
 * connections. The others draw pages and check words, roles and forms over the same queries:
 * they run in the embedded pass only, and the queries themselves run on both databases in the
 * unit and integration suites.
 */
const SERVER_SPECS = [
  "export",
  "handoff-api",
  "history",
  "import",
  "inbox",
  "kill-ingest",
  "privacy",
  "rules",
  "scoring-api",
  "webhooks",
];
const embeddedOnly = process.env.DATABASE_URL
  ? [new RegExp(`/(?!(${SERVER_SPECS.join("|")})\\.spec\\.ts$)[^/]+\\.spec\\.ts$`)]
  : [];
/** Specs whose outcome does not depend on which model is live (an MQL is made under any model). */
const SCORE_FREE_SPECS = [
  /accessibility\.spec\.ts/,
  /authorization\.spec\.ts/,
  /import\.spec\.ts/,
  /kill-ingest\.spec\.ts/,
  /personas\.spec\.ts/,
  /privacy\.spec\.ts/,
  /security\.spec\.ts/,
  /\/settings\.spec\.ts$/,
  /sign-in\.spec\.ts/,
  /teams\.spec\.ts/,
  /users\.spec\.ts/,
  /webhooks\.spec\.ts/,
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Whole user journeys (publish, rescore, read back) on a 2-core CI machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    // No trace: recording one costs about a seventh of a walk's time (measured: 100 s against 85 s
    // for the English persona walks). A failure keeps its screenshot; rerun it with `--trace on`.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
      ],
    },
  },
  // Specs that publish scoring models change the live model for every test: they run one after
  // the other, on one worker. The specs that read the demo's own model (its version, its
  // receipts, its leads) are queued before them; the specs that read no score are queued after,
  // so they fill the other worker while the model specs run. One project for the model specs,
  // not a chain of dependent ones: a chain runs in phases, each waiting for the whole previous
  // phase, with the other worker idle.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: desktop,
      testIgnore: [...MODEL_SPECS, ...SCORE_FREE_SPECS, ...embeddedOnly],
      dependencies: ["setup"],
    },
    {
      name: "models",
      testMatch: MODEL_SPECS,
      testIgnore: embeddedOnly,
      use: desktop,
      workers: 1,
      fullyParallel: false,
      dependencies: ["setup"],
    },
    {
      name: "score-free",
      testMatch: SCORE_FREE_SPECS,
      testIgnore: embeddedOnly,
      use: desktop,
      dependencies: ["setup"],
    },
  ],
  webServer: {
    command: "tsx e2e/server.ts",
    url: `${BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
