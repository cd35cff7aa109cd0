import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL } from "./e2e/config";

// Debian's Chromium; Playwright's own browser download is not available here.
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

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
    trace: "retain-on-failure",
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
      testIgnore: [...MODEL_SPECS, ...SCORE_FREE_SPECS],
      dependencies: ["setup"],
    },
    {
      name: "models",
      testMatch: MODEL_SPECS,
      use: desktop,
      workers: 1,
      fullyParallel: false,
      dependencies: ["setup"],
    },
    { name: "score-free", testMatch: SCORE_FREE_SPECS, use: desktop, dependencies: ["setup"] },
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
