/**
 * `kill -9` mid-ingestion: a server of its own (extra-server.ts; embedded PGlite, or PostgreSQL in
 * CI's second pass) takes batches of events with unique ids from concurrent clients; it is killed
 * with SIGKILL while requests are in flight, started again on the same data, and the clients
 * resend whatever was not acknowledged (as real clients retry). Then every acknowledged event must
 * be stored exactly once — none lost, none doubled — and each lead exist once.
 */
import { expect, test } from "./test";
import { csvRecords } from "../lib/domain/exports/parse-csv";
import { E2E_PORT } from "./config";
import { extraServer, type ExtraServer } from "./extra-server";

const CLIENTS = 4;
const BATCH = 100;
/** Leads the events are spread over (they contend for the same rows, as real traffic does). */
const LEADS_PER_CLIENT = 5;

type Batch = { ids: string[]; body: string };

test("every event acknowledged before a kill -9 is stored exactly once after the restart", async () => {
  test.setTimeout(180_000);
  const server: ExtraServer = await extraServer(E2E_PORT + 50, "kill9");
  try {
    const output = server.cli(
      "api-keys:create",
      "--name",
      "kill-9",
      "--scopes",
      "events:write,leads:read",
    );
    const key = /acc_\S+/.exec(output)?.[0];
    if (!key) throw new Error(`no key in: ${output}`);
    await server.start();

    const acked = new Set<string>();
    let retried = 0;
    let duplicates = 0;
    let running = true;
    let serial = 0;
    let stopBy = Infinity;
    const refused: string[] = [];
    const run = Date.now().toString(36);

    const makeBatch = (client: number): Batch => {
      const n = serial++;
      const ids = Array.from({ length: BATCH }, (_, i) => `k9-${run}-${client}-${n}-${i}`);
      const events = ids.map((id, i) => ({
        id,
        email: `k9-${run}-${client}-${i % LEADS_PER_CLIENT}@kill.test`,
        name: i % 10 ? "Page Viewed" : "Demo Requested",
        properties: { batch: n, i },
      }));
      return { ids, body: JSON.stringify({ events }) };
    };

    /** True when the server acknowledged every event of the batch (stored now or before). */
    const send = async (batch: Batch): Promise<boolean> => {
      try {
        const answer = await fetch(`${server.url}/api/v1/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: batch.body,
          signal: AbortSignal.timeout(30_000),
        });
        if (answer.status !== 200) return false;
        const result = (await answer.json()) as {
          accepted: number;
          duplicates: number;
          errors: unknown[];
        };
        if (result.errors.length) refused.push(JSON.stringify(result.errors.slice(0, 3)));
        if (result.accepted + result.duplicates !== batch.ids.length) return false;
        duplicates += result.duplicates;
        for (const id of batch.ids) acked.add(id);
        return true;
      } catch {
        return false; // refused connection, reset, timeout: not acknowledged
      }
    };

    const client = async (n: number) => {
      let pending: Batch | null = null;
      while (running || pending) {
        const batch: Batch = pending ?? makeBatch(n);
        if (await send(batch)) pending = null;
        else {
          if (pending) retried++;
          pending = batch;
          if (!running && Date.now() > stopBy) return; // the server never came back: checked below
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const waitFor = async (what: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!what() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    };

    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
    await waitFor(() => acked.size >= 2_000, 30_000);
    const beforeKill = acked.size;
    await server.kill9(); // requests are in flight: the clients never stop sending
    await server.start();
    await waitFor(() => acked.size >= beforeKill + 2_000, 30_000);
    running = false;
    stopBy = Date.now() + 30_000;
    await Promise.all(clients);
    expect(refused, "events refused").toEqual([]);
    expect(beforeKill, "acknowledged before the kill").toBeGreaterThan(0);
    expect(acked.size, "acknowledged after the restart").toBeGreaterThan(beforeKill);

    const get = async (path: string) => {
      const answer = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(answer.status, await answer.clone().text()).toBe(200);
      return csvRecords((await answer.text()).replace(/^\uFEFF/, ""));
    };
    const stored = new Map<string, number>();
    for (const row of await get("/api/v1/exports/events"))
      if (row.external_id?.startsWith(`k9-${run}-`))
        stored.set(row.external_id, (stored.get(row.external_id) ?? 0) + 1);
    const lost = [...acked].filter((id) => !stored.has(id));
    const doubled = [...stored].filter(([, n]) => n > 1).map(([id]) => id);
    test.info().annotations.push({
      type: "kill -9",
      description: `${acked.size} events acknowledged (${beforeKill} before the kill), ${stored.size} stored, ${retried} batches resent, ${duplicates} resent events already stored`,
    });
    expect(lost.slice(0, 10), `${lost.length} acknowledged events lost`).toEqual([]);
    expect(doubled.slice(0, 10), `${doubled.length} events stored twice`).toEqual([]);

    const leads = (await get("/api/v1/exports/leads?q=kill.test")).filter((r) =>
      r.email?.startsWith(`k9-${run}-`),
    );
    const emails = leads.map((r) => r.email);
    expect(new Set(emails).size, "each lead once").toBe(emails.length);
    expect(emails.length).toBe(CLIENTS * LEADS_PER_CLIENT);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- server output ---\n${server.log()}`, {
      cause: error,
    });
  } finally {
    await server.dispose();
  }
});
