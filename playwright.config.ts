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
  // the other (a chain of projects), alongside everything else.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: desktop, testIgnore: MODEL_SPECS, dependencies: ["setup"] },
    ...MODEL_SPECS.map((spec, i) => ({
      name: `models-${i + 1}`,
      testMatch: spec,
      use: desktop,
      dependencies: [i === 0 ? "setup" : `models-${i}`],
    })),
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
