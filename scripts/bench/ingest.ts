/**
 * Ingestion throughput: 4 concurrent clients posting batches of 500 events to POST /api/v1/events
 * (stored and scored), against the floor of raw multi-row INSERTs of the same shape with postgres.js.
 */
import { createHash } from "node:crypto";
import type { Sql } from "postgres";

/** The id data.ts gives lead n: md5('bench-lead-' || n)::uuid. */
export function benchLeadId(n: number): string {
  const h = createHash("md5").update(`bench-lead-${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Event = {
  id: string;
  leadId: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: string;
};

const NAMES = [
  "Email Opened",
  "Page Viewed",
  "Link Clicked",
  "Content Downloaded",
  "Webinar Registered",
];

/**
 * Deterministic events for existing bench leads. "sessions": 5 consecutive events per lead, leads
 * drawn with the same skew as the generated data (active leads act more) — what a tracking stream
 * looks like. "uniform": every event for a random lead — the worst case, 500 leads per batch.
 */
export function makeEvents(
  prefix: string,
  count: number,
  leads: number,
  shape: "sessions" | "uniform" = "sessions",
): Event[] {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let leadId = "";
  return Array.from({ length: count }, (_, i) => {
    if (shape === "uniform") leadId = benchLeadId(1 + Math.floor(rand() * leads));
    else if (i % 5 === 0) leadId = benchLeadId(1 + Math.floor(Math.pow(rand(), 1.6) * leads));
    const name = NAMES[Math.floor(rand() * NAMES.length)];
    return {
      id: `${prefix}-${i}`,
      leadId,
      name,
      properties:
        name === "Page Viewed"
          ? { path: rand() < 0.2 ? "/pricing" : "/product" }
          : name === "Link Clicked"
            ? { channel: "email" }
            : name === "Content Downloaded"
              ? { content_type: "high_velocity" }
              : {},
      occurredAt: new Date(Date.now() - Math.floor(rand() * 30 * 86_400_000)).toISOString(),
    };
  });
}

async function runClients<T>(batches: T[][], clients: number, send: (batch: T[]) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < batches.length) await send(batches[next++]);
    }),
  );
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

export async function ingestThroughApi(
  baseUrl: string,
  key: string,
  events: Event[],
): Promise<number> {
  const batches = chunk(events, 500);
  const started = performance.now();
  await runClients(batches, 4, async (batch) => {
    const response = await fetch(`${baseUrl}/api/v1/events`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        events: batch.map(({ id, leadId, name, properties, occurredAt }) => ({
          id,
          leadId,
          name,
          properties,
          occurredAt,
        })),
      }),
    });
    const body = await response.json();
    if (!response.ok || body.accepted !== batch.length)
      throw new Error(`ingestion failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  });
  return events.length / ((performance.now() - started) / 1000);
}

export async function ingestRawFloor(sql: Sql, events: Event[]): Promise<number> {
  const batches = chunk(events, 500);
  const started = performance.now();
  await runClients(batches, 4, async (batch) => {
    const rows = batch.map((e) => ({
      lead_id: e.leadId,
      name: e.name,
      properties: sql.json(e.properties as never),
      occurred_at: e.occurredAt,
      source: "bench",
      external_id: e.id,
    }));
    await sql`insert into events ${sql(rows, "lead_id", "name", "properties", "occurred_at", "source", "external_id")}`;
  });
  return events.length / ((performance.now() - started) / 1000);
}
