/**
 * `npm start`: checks the configuration, builds the app if the build is missing or older than
 * the sources, then serves it with `next start`. The server itself migrates the database and
 * seeds the demo data on first run (lib/server/startup.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError, serverEnv } from "../lib/infra/env";

const ROOT = process.cwd();
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "i18n",
  "messages",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];
const SKIP = new Set(["node_modules", ".next", ".data", "migrations"]);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a directory's own time changes when a file is added or removed
  for (const entry of readdirSync(target)) {
    if (SKIP.has(entry) || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

let port: number;
try {
  port = serverEnv().PORT;
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[accord] ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
if (buildIsStale() || process.argv.includes("--rebuild")) {
  console.log("[accord] building the app (first start or changed sources)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Idle keep-alive sockets outlive the clients' (browsers, API clients, load balancers): a
// request sent just as the server closes an idle socket would fail with ECONNRESET.
const server = spawn(
  process.execPath,
  [nextBin, "start", "-p", String(port), "--keepAliveTimeout", "65000"],
  { stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
