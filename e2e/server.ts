/**
 * The e2e web server: a fresh database seeded with the demo data, served from a production
 * build (`scripts/start.ts` builds when sources changed). Embedded by default (a wiped PGlite
 * directory); with DATABASE_URL, a new database on that server, dropped again on exit.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { dbEnv } from "../lib/infra/env";
import { E2E_PORT } from "./config";

async function main() {
  const serverUrl = dbEnv().DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(E2E_PORT),
    ACCORD_DEMO_DATA: "true",
    ACCORD_TEST_CLOCK: "1",
    ACCORD_CHECK_RESPONSES: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  let cleanup = async () => {};
  if (serverUrl) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const name = `accord_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    env.AUTH_SECRET ??= randomBytes(33).toString("base64");
    cleanup = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await admin.end();
    };
    console.log(`[e2e] database ${name}`);
  } else {
    const dir = path.resolve(".data", `e2e-${E2E_PORT}`);
    rmSync(dir, { recursive: true, force: true });
    env.ACCORD_DATA_DIR = dir;
    env.DATABASE_URL = "";
    console.log(`[e2e] embedded database in ${dir}`);
  }
  const tsx = path.resolve("node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["scripts/start.ts"], { env, stdio: "inherit" });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await cleanup();
    process.exit(code);
  };
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  child.on("exit", (code) => stop(code ?? 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
