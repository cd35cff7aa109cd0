/**
 * Delivers an endpoint's due deliveries, one round at a time (the `webhooks-deliver` job calls it
 * in a loop). A round claims the due heads — for each lead, only its oldest pending delivery, so a
 * later message about a lead never overtakes an earlier one that has not succeeded or been given
 * up — and leases them (`next_attempt_at` moves past the request timeout: a worker that dies
 * leaves them due again). Deliveries waiting behind a head are pushed to the head's time, so they
 * do not look due meanwhile, and pulled forward again when the head is done.
 *
 * Heads of different leads go out in parallel (a few at a time): one slow lead does not hold the
 * others. Each outcome is recorded with the endpoint's health (retry-policy.ts).
 */
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { postWebhook, type PostResult, type PostWebhook } from "@/lib/infra/post-webhook";
import { webhookId } from "./delivery-view";
import { DISABLE_AFTER_MS, DISABLE_MIN_FAILURES, judge, retryDelayMs } from "./retry-policy";
import { signRequest, webhookBody } from "./sign";

export const REQUEST_TIMEOUT_MS = 10_000;
const LEASE_MARGIN_MS = 30_000;

export type DeliverOptions = {
  /** The deliverer's clock (tests move it to see a day of failures). */
  now?: () => Date;
  timeoutMs?: number;
  post?: PostWebhook;
  /** Deliveries claimed per round, and sent at once. */
  batch?: number;
  parallel?: number;
  random?: () => number;
  /** A stopping worker aborts the requests in flight (recorded as failed attempts, retried soon). */
  signal?: AbortSignal;
};

export type RoundResult = {
  attempted: number;
  succeeded: number;
  failed: number;
  /** The endpoint is gone, disabled or throttled: nothing more to do for now. */
  stop: boolean;
};

type Claimed = {
  id: number;
  lead_id: string | null;
  attempts: number;
  message_id: string;
  type: string;
  data: unknown;
  occurred_at: Date | string;
};

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

async function claim(
  db: Db,
  endpointId: string,
  now: Date,
  leaseUntil: Date,
  batch: number,
): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const claimed = await queryRows<Claimed>(
      tx,
      sql`with due as (
            select d.id, d.lead_id from webhook_deliveries d
            where d.endpoint_id = ${endpointId} and d.status = 'pending' and d.next_attempt_at <= ${at(now)}
            order by d.next_attempt_at, d.id
            limit ${batch}
            for update skip locked
          ), heads as (
            select due.id from due
            where due.lead_id is null or not exists (
              select 1 from webhook_deliveries p
              where p.endpoint_id = ${endpointId} and p.lead_id = due.lead_id and p.status = 'pending' and p.id < due.id)
          ), leased as (
            update webhook_deliveries d
            set attempts = d.attempts + 1, next_attempt_at = ${at(leaseUntil)}, last_attempt_at = ${at(now)}
            from heads where d.id = heads.id
            returning d.id, d.lead_id, d.attempts, d.message_id
          )
          select l.id, l.lead_id, l.attempts, l.message_id, m.type, m.data, m.occurred_at
          from leased l join webhook_messages m on m.id = l.message_id
          order by l.id`,
    );
    // What is still due now waits behind a head: move it to the head's next attempt.
    await tx.execute(
      sql`update webhook_deliveries d set next_attempt_at = b.head_at
          from (
            select f.id, (
              select p.next_attempt_at from webhook_deliveries p
              where p.endpoint_id = f.endpoint_id and p.lead_id = f.lead_id and p.status = 'pending' and p.id < f.id
              order by p.id limit 1) as head_at
            from webhook_deliveries f
            where f.endpoint_id = ${endpointId} and f.status = 'pending' and f.lead_id is not null
              and f.next_attempt_at <= ${at(now)}
            order by f.next_attempt_at, f.id
            limit ${batch * 4}
          ) b
          where d.id = b.id and b.head_at > d.next_attempt_at`,
    );
    return claimed;
  });
}

/** The deliveries waiting behind a lead's finished one are due at once. */
function releaseFollowers(endpointId: string, leadId: string | null, now: Date) {
  return leadId
    ? sql`update webhook_deliveries set next_attempt_at = ${at(now)}
          where endpoint_id = ${endpointId} and lead_id = ${leadId} and status = 'pending' and next_attempt_at > ${at(now)}`
    : null;
}

async function record(
  db: Db,
  endpoint: WebhookEndpoint,
  delivery: Claimed,
  result: PostResult,
  now: Date,
  random: () => number,
): Promise<boolean> {
  const verdict = judge(result);
  // PostgreSQL text cannot hold NUL: a binary answer is kept readable, not refused.
  const body = result.body?.replace(/\u0000/g, "\uFFFD") ?? null;
  const answer = sql`response_status = ${result.status}, response_body = ${body},
                     latency_ms = ${result.latencyMs}`;
  await db.transaction(async (tx) => {
    if (verdict.ok) {
      await tx.execute(
        sql`update webhook_deliveries set status = 'succeeded', next_attempt_at = null, finished_at = ${at(now)},
              last_error = null, error_kind = null, ${answer}
            where id = ${delivery.id}`,
      );
      await tx.execute(
        sql`update webhook_endpoints set consecutive_failures = 0, failing_since = null
            where id = ${endpoint.id} and (consecutive_failures > 0 or failing_since is not null)`,
      );
    } else {
      const delay = retryDelayMs(delivery.attempts, result.retryAfterMs, random);
      await tx.execute(
        delay === null
          ? sql`update webhook_deliveries set status = 'failed', next_attempt_at = null, finished_at = ${at(now)},
                  last_error = ${verdict.error}, error_kind = ${verdict.kind}, ${answer}
                where id = ${delivery.id}`
          : sql`update webhook_deliveries set next_attempt_at = ${at(new Date(now.getTime() + delay))},
                  last_error = ${verdict.error}, error_kind = ${verdict.kind}, ${answer}
                where id = ${delivery.id}`,
      );
      const throttleUntil = verdict.throttleMs
        ? new Date(now.getTime() + verdict.throttleMs)
        : null;
      const longFailing = sql`coalesce(failing_since, ${at(now)}) <= ${at(new Date(now.getTime() - DISABLE_AFTER_MS))}
                              and consecutive_failures + 1 >= ${DISABLE_MIN_FAILURES}`;
      const disable = verdict.gone ? sql`true` : longFailing;
      await tx.execute(
        sql`update webhook_endpoints set
              consecutive_failures = consecutive_failures + 1,
              failing_since = coalesce(failing_since, ${at(now)}),
              throttled_until = ${throttleUntil ? sql`greatest(coalesce(throttled_until, ${at(throttleUntil)}), ${at(throttleUntil)})` : sql`throttled_until`},
              disabled_reason = case when enabled and (${disable}) then ${verdict.gone ? "gone" : "failing"} else disabled_reason end,
              disabled_at = case when enabled and (${disable}) then ${at(now)} else disabled_at end,
              enabled = enabled and not (${disable})
            where id = ${endpoint.id}`,
      );
      if (delay !== null) return;
    }
    const release = releaseFollowers(endpoint.id, delivery.lead_id, now);
    if (release) await tx.execute(release);
  });
  return verdict.ok;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export async function deliverDue(
  db: Db,
  endpointId: string,
  options: DeliverOptions = {},
): Promise<RoundResult> {
  const clock = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const post = options.post ?? postWebhook;
  const random = options.random ?? Math.random;
  const now = clock();
  const [endpoint] = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId))
    .limit(1);
  const idle = { attempted: 0, succeeded: 0, failed: 0 };
  if (!endpoint?.enabled || (endpoint.throttledUntil && endpoint.throttledUntil > now))
    return { ...idle, stop: true };
  const claimed = await claim(
    db,
    endpoint.id,
    now,
    new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS),
    options.batch ?? 50,
  );
  if (!claimed.length) return { ...idle, stop: false };
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now)
    secrets.push(endpoint.previousSecret);
  let succeeded = 0;
  await inParallel(claimed, options.parallel ?? 8, async (delivery) => {
    const body = webhookBody(delivery.type, new Date(delivery.occurred_at), delivery.data);
    // The signature's timestamp is the wall clock of this attempt: receivers check it against theirs.
    const signed = signRequest(secrets, webhookId(delivery.message_id), body, new Date());
    const result = await post(endpoint.url, signed.headers, signed.body, {
      timeoutMs,
      signal: options.signal,
    });
    if (await record(db, endpoint, delivery, result, clock(), random)) succeeded++;
  });
  return {
    attempted: claimed.length,
    succeeded,
    failed: claimed.length - succeeded,
    stop: false,
  };
}
