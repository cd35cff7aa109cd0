/**
 * Ingestion while a publish runs: clients keep posting batches of 500 events to
 * POST /api/v1/events from the start of a publish to its end; every batch's latency is kept, and
 * afterwards every acknowledged event must be stored and its lead scored under the new version.
 */
import type { Sql } from "postgres";
import { makeEvents } from "./ingest";

export type DuringPublish = {
  batches: number;
  events: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};

const BATCH = 500;
const CLIENTS = 2;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function ingestDuring<T>(
  api: { baseUrl: string; key: string; leads: number; prefix: string },
  work: () => Promise<T>,
): Promise<{ result: T; during: DuringPublish }> {
  const latencies: number[] = [];
  let done = false;
  let sent = 0;
  let next = 0;
  const client = async () => {
    while (!done) {
      const batch = makeEvents(`${api.prefix}-${next++}`, BATCH, api.leads);
      const started = performance.now();
      const response = await fetch(`${api.baseUrl}/api/v1/events`, {
        method: "POST",
        headers: { Authorization: `Bearer ${api.key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ events: batch }),
      });
      const body = await response.json();
      if (!response.ok || body.accepted !== batch.length)
        throw new Error(
          `ingestion failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
        );
      latencies.push(performance.now() - started);
      sent += batch.length;
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  let result: T;
  try {
    result = await work();
  } finally {
    done = true;
    await Promise.allSettled(clients);
  }
  await Promise.all(clients); // an ingestion failure fails the benchmark
  latencies.sort((a, b) => a - b);
  return {
    result,
    during: {
      batches: latencies.length,
      events: sent,
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      maxMs: Math.round(latencies.at(-1) ?? 0),
    },
  };
}

/** Every acknowledged event stored once, and every lead it touched scored under `version`. */
export async function checkNothingLost(
  raw: Sql,
  prefix: string,
  acknowledged: number,
  version: number,
): Promise<void> {
  const [row] = await raw.unsafe(
    `select count(*)::int as stored,
            (select count(*)::int from lead_scores s where s.lead_id in
               (select lead_id from events where external_id like $1) and s.model_version <> $2) as stale
     from events where external_id like $1`,
    [`${prefix}-%`, version],
  );
  if (row.stored !== acknowledged || row.stale !== 0)
    throw new Error(
      `ingestion during the publish: ${acknowledged} acknowledged, ${row.stored} stored, ${row.stale} leads not under v${version}`,
    );
}
