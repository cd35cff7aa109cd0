import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    // Every API answer a test provokes is checked against its contract (lib/http/with-api.ts).
    // The API's per-key limit stays on (its headers are checked) but out of reach of suites that
    // send many requests with one key; the rate-limit tests set their own small figures.
    env: { ACCORD_CHECK_RESPONSES: "1", ACCORD_API_RATE_LIMIT: "1000000" },
    include: ["**/*.test.ts"],
    globalSetup: ["db/testing-setup.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", ".scratch/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Embedded, PGlite keeps both cores busy; against a server most of a test is waiting on it.
    maxWorkers: process.env.DATABASE_URL ? 4 : 2,
  },
});
