import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const SKIPPED = new Set(["node_modules", "e2e", ".next", ".data", ".scratch", ".git"]);

function testFiles(dir = "."): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : testFiles(file);
    return entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

/** A test file opens a database through db/testing, directly or through lib/http/testing. */
const OPENS_A_DATABASE = /(db|\.)\/testing["']|http\/testing\//;

/**
 * On a server (DATABASE_URL set), only the files that open a database run: the others test code
 * alone and gave their answer in the embedded pass.
 */
const include = process.env.DATABASE_URL
  ? testFiles().filter((file) => OPENS_A_DATABASE.test(readFileSync(file, "utf8")))
  : ["**/*.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    // Every API answer a test provokes is checked against its contract (lib/http/with-api.ts).
    // The API's per-key limit stays on (its headers are checked) but out of reach of suites that
    // send many requests with one key; the rate-limit tests set their own small figures.
    env: { ACCORD_CHECK_RESPONSES: "1", ACCORD_API_RATE_LIMIT: "1000000" },
    include,
    globalSetup: ["db/testing-setup.ts"],
    exclude: [...SKIPPED].map((dir) => `${dir}/**`),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Embedded, PGlite keeps both cores busy; against a server most of a test is waiting on it.
    maxWorkers: process.env.DATABASE_URL ? 4 : 2,
  },
});
