/**
 * A second Accord server a spec owns: the production build the e2e phase already made, served on
 * its own port with its own database — an embedded data directory, or, when DATABASE_URL is set
 * (the PostgreSQL pass of CI), a new database on that server, dropped at the end. The spec may
 * kill it with SIGKILL (the whole process group: `next start` and anything it spawned) and start
 * it again on the same data.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { rmSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd(); // Playwright runs from the repository, as e2e/server.ts assumes
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export type ExtraServer = {
  url: string;
  /** What the server printed, for a failure's message. */
  log: () => string;
  /** Runs a CLI command (lib/cli) against the server's database; returns its output. */
  cli: (...args: string[]) => string;
  start: () => Promise<void>;
  /** SIGKILL, no warning: what a crash or the OOM killer does. */
  kill9: () => Promise<void>;
  /** Stops it (the data is thrown away, so no need to be gentle) and removes the data. */
  dispose: () => Promise<void>;
};

export async function extraServer(port: number, name: string): Promise<ExtraServer> {
  const serverUrl = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    ACCORD_DEMO_DATA: "false",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  let dropData: () => Promise<void>;
  if (serverUrl) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const database = `accord_${name}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    await admin.unsafe(`create database "${database}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
    env.AUTH_SECRET = randomBytes(33).toString("base64");
    dropData = async () => {
      await admin.unsafe(`drop database if exists "${database}" with (force)`).catch(() => {});
      await admin.end();
    };
  } else {
    const dir = path.join(ROOT, ".data", `${name}-${port}`);
    rmSync(dir, { recursive: true, force: true });
    env.ACCORD_DATA_DIR = dir;
    env.DATABASE_URL = "";
    dropData = async () => rmSync(dir, { recursive: true, force: true });
  }

  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  let child: ChildProcess | null = null;

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : once(c, "exit");

  async function start() {
    const c = spawn(process.execPath, [NEXT, "start", "-p", String(port)], {
      cwd: ROOT,
      env,
      detached: true, // its own process group, so a kill reaches every process of the server
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = c;
    c.stdout!.on("data", (d) => lines.push(String(d)));
    c.stderr!.on("data", (d) => lines.push(String(d)));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (c.exitCode !== null) throw new Error(`the server exited:\n${lines.join("")}`);
      const up = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the server did not answer within 90 s:\n${lines.join("")}`);
  }

  async function signal(sig: NodeJS.Signals) {
    const c = child;
    if (!c?.pid) return;
    try {
      process.kill(-c.pid, sig);
    } catch {
      // already gone
    }
    await exited(c);
    child = null;
  }

  return {
    url,
    log: () => lines.join("").slice(-4_000),
    cli: (...args) => {
      const run = spawnSync(TSX, ["scripts/cli.ts", ...args], { cwd: ROOT, env, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`cli ${args[0]} failed: ${run.stderr || run.stdout}`);
      return run.stdout;
    },
    start,
    kill9: () => signal("SIGKILL"),
    dispose: async () => {
      await signal("SIGKILL");
      await dropData();
    },
  };
}
