/** Starts the production build against the benchmark database and waits until it answers. */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

export type BenchServer = { stop: () => void };

/** The server runs in a process group of its own: stopping it stops tsx, start.ts and next-server together. */
export async function startServer(
  databaseUrl: string,
  port: number,
  log: (m: string) => void,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<BenchServer> {
  const tsx = path.resolve("node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      PORT: String(port),
      ACCORD_WORKER: "false",
      ACCORD_DEMO_DATA: "false",
      // The benchmarks post far more than 600 requests a minute with one key, on purpose.
      ACCORD_API_RATE_LIMIT: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const started = performance.now();
  while (performance.now() - started < (options.timeoutMs ?? 300_000)) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) {
        log(`  server ready in ${Math.round((performance.now() - started) / 1000)} s`);
        return { stop };
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`server did not start:\n${output}`);
}
