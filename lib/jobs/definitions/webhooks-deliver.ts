import { z } from "zod";
import { deliverDue } from "@/lib/domain/webhooks/deliver";
import { endpointsWithDueDeliveries } from "@/lib/domain/webhooks/due-endpoints";
import { defineJob } from "../definition";

/** While there is work, look again this often; give up after this long without any. */
const LOOK_EVERY_MS = 100;
const LINGER_MS = 3_000;
/** Hand the worker slot back now and then: the poller starts a fresh job if work remains. */
const MAX_RUN_MS = 60_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener("abort", wake, { once: true });
  });

/**
 * One endpoint's deliveries, in order (lib/domain/webhooks/deliver.ts). A singleton per endpoint,
 * in a pool of its own: endpoints never wait for each other, and a receiver that hangs holds up
 * only itself. The poller notices due deliveries every 250 ms; a running job keeps looking every
 * 100 ms while work comes, so under a steady stream the latency is one look, not a new job.
 * Receiver failures are the deliveries' business (retried on their own schedule); what throws
 * here (the database) fails the job, which is retried — and the outbox rows wait meanwhile.
 */
export const webhooksDeliverJob = defineJob({
  name: "webhooks-deliver",
  payload: z.object({ endpointId: z.guid() }),
  singleton: (p) => p.endpointId,
  concurrency: 8,
  retry: { attempts: 5, delaySeconds: 5 },
  timeoutSeconds: 5 * 60,
  readers: { permission: "webhooks:manage", scope: "webhooks:write" },
  poll: {
    everyMs: 250,
    due: async (db) => (await endpointsWithDueDeliveries(db)).map((endpointId) => ({ endpointId })),
  },
  async run({ db, payload, progress, signal }) {
    const started = Date.now();
    let lastWork = Date.now();
    let lastReport = 0;
    const totals = { attempted: 0, succeeded: 0, failed: 0 };
    while (!signal.aborted && Date.now() - started < MAX_RUN_MS) {
      const round = await deliverDue(db, payload.endpointId, { signal });
      totals.attempted += round.attempted;
      totals.succeeded += round.succeeded;
      totals.failed += round.failed;
      if (Date.now() - lastReport >= 1_000) {
        lastReport = Date.now();
        await progress(totals.attempted, null, "delivering");
      }
      if (round.stop) break;
      if (round.attempted > 0) {
        lastWork = Date.now();
        continue;
      }
      if (Date.now() - lastWork >= LINGER_MS) break;
      await sleep(LOOK_EVERY_MS, signal);
    }
    return totals;
  },
});
