/**
 * Webhook latency: from the change to the delivery at a local receiver, while 1,000 leads a minute
 * become MQLs. Deployed as in production: the web server (ACCORD_WORKER off) takes the API calls
 * and a separate `npm run worker` runs the jobs, both on the benchmark's PostgreSQL database.
 *
 * Every 250 ms a CRM-like client upserts the next leads (POST /api/v1/leads, FR, routed to a team)
 * and sends each one event that takes it over the threshold (POST /api/v1/events): the handoff
 * writes `lead.mql` to the outbox in that transaction. The receiver verifies each signature with
 * the `standardwebhooks` package and notes when it arrived; latency = arrival − the event's
 * `timestamp` (taken when the ingestion began, before its transaction: the change's own time).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { openDb } from "../../db/client";
import { createTeam, createUser } from "../../db/factories";
import { migrateDb } from "../../db/migrate";
import { teamTerritories } from "../../db/schema";
import { createApiKey } from "../../lib/domain/api-keys/api-keys";
import { startReceiver } from "../../lib/domain/webhooks/test-receiver";
import { timeResult, type Result } from "./report";
import { startServer } from "./server";

const MODEL = {
  name: "Webhook benchmark",
  mqlThreshold: 50,
  requiredFields: ["email", "phone"],
  bands: [
    { name: "cold", min: 0 },
    { name: "hot", min: 50 },
  ],
  rules: [
    {
      id: "cto",
      kind: "attribute",
      label: "CTO",
      field: "jobTitle",
      op: "eq",
      value: "CTO",
      points: 10,
    },
    { id: "demo", kind: "event", label: "Asked for a demo", event: "Demo Requested", points: 60 },
  ],
};

const PER_MINUTE = 1_000;
const TICK_MS = 250;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function startWorker(databaseUrl: string, log: (m: string) => void) {
  const tsx = path.resolve("node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const ready = new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (output.includes("worker ready")) {
        clearInterval(check);
        log(`  worker ready in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else if (child.exitCode !== null || Date.now() - started > 60_000) {
        clearInterval(check);
        reject(new Error(`worker did not start:\n${output}`));
      }
    }, 100);
  });
  return { ready, stop, output: () => output };
}

export async function webhookBenchmark(
  databaseUrl: string,
  log: (m: string) => void,
  { seconds = 90, port = 3210 }: { seconds?: number; port?: number } = {},
): Promise<Result[]> {
  const handle = await openDb({ kind: "postgres", url: databaseUrl, max: 2 });
  await migrateDb(handle);
  const team = await createTeam(handle.db, "Bench FR");
  for (let i = 0; i < 20; i++)
    await createUser(handle.db, { role: "rep", teamId: team.id, capacity: 100_000 });
  await handle.db.insert(teamTerritories).values({ country: "FR", teamId: team.id });
  const key = await createApiKey(
    handle.db,
    {
      name: "bench",
      scopes: ["events:write", "leads:write", "model:write", "webhooks:write"],
    },
    null,
  );
  await handle.close();

  const receiver = await startReceiver();
  const server = await startServer(databaseUrl, port, log);
  const worker = startWorker(databaseUrl, log);
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, url: string, body: unknown, headers = {}) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        Authorization: `Bearer ${key.secret}`,
        "Content-Type": "application/json",
        ...headers,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  try {
    await worker.ready;
    await call("PUT", "/api/v1/scoring-model/draft", MODEL);
    await call(
      "POST",
      "/api/v1/scoring-model/publish",
      { note: "webhook bench" },
      { Prefer: "wait=60" },
    );
    const endpoint = (
      await call("POST", "/api/v1/webhooks", { url: receiver.url, eventTypes: ["lead.mql"] })
    ).data as { secret: string };
    const verifier = new Webhook(endpoint.secret);

    log(`webhooks: ${PER_MINUTE} MQLs a minute for ${seconds} s…`);
    const warmup = 10;
    const total = Math.round(((seconds + warmup) * PER_MINUTE) / 60);
    const started = Date.now();
    let sent = 0;
    let failures = 0;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 60_000) * PER_MINUTE));
      const batch = Array.from({ length: due - sent }, (_, i) => sent + i);
      sent = due;
      if (batch.length) {
        const emails = batch.map((n) => `mql-${n}@bench.test`);
        void (async () => {
          await call("POST", "/api/v1/leads", {
            leads: emails.map((email) => ({
              email,
              country: "FR",
              phone: "+33 6 00 00 00 00",
              jobTitle: "CTO",
            })),
          });
          await call("POST", "/api/v1/events", {
            events: emails.map((email) => ({ id: `demo-${email}`, email, name: "Demo Requested" })),
          });
        })().catch((error) => {
          failures++;
          if (failures <= 3) log(`  client error: ${(error as Error).message.slice(0, 200)}`);
        });
      }
      await new Promise((r) => setTimeout(r, TICK_MS));
    }
    await receiver.waitFor(total, 120_000).catch(() => null);

    const latencies: { n: number; ms: number }[] = [];
    let unsigned = 0;
    const seen = new Set<string>();
    for (const request of receiver.received) {
      let body: { type: string; timestamp: string; data: { lead: { email: string } } };
      try {
        body = verifier.verify(request.body, request.headers) as typeof body;
      } catch {
        unsigned++;
        continue;
      }
      const n = Number(/^mql-(\d+)@/.exec(body.data.lead.email)?.[1]);
      if (seen.has(body.data.lead.email)) continue;
      seen.add(body.data.lead.email);
      latencies.push({ n, ms: request.at - Date.parse(body.timestamp) });
    }
    const warm = Math.round((warmup * PER_MINUTE) / 60);
    const measured = latencies
      .filter((l) => l.n >= warm)
      .map((l) => l.ms)
      .sort((a, b) => a - b);
    const missing = total - seen.size;
    const p = (q: number) => (measured.length ? percentile(measured, q) : NaN);
    log(
      `  ${seen.size} of ${total} MQLs delivered (${missing} missing, ${unsigned} badly signed, ${failures} client errors); latency change → receiver over ${measured.length}: p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${measured.at(-1)} ms`,
    );
    if (missing > 0 || unsigned > 0 || failures > 0)
      throw new Error("webhook benchmark: deliveries were lost or refused");
    return [
      timeResult("webhook_latency_p50_1000_mql_per_min", p(50), null),
      timeResult("webhook_latency_p99_1000_mql_per_min", p(99), null, { maxMs: 2_000 }),
    ];
  } finally {
    worker.stop();
    server.stop();
    await receiver.close();
  }
}
