/**
 * The outbox. A change that webhooks report calls `emitWebhookEvent` inside its own transaction:
 * one message, and one pending delivery per enabled endpoint subscribed to the type — so the
 * event exists if and only if the change committed, and a rolled-back change says nothing. The
 * delivery jobs (lib/jobs) pick the pending rows up from there; this module knows nothing of them.
 *
 * Nothing is written (and no payload built) when no enabled endpoint wants the type: the cost on
 * ingestion or a decision is then one lookup in a table of a few rows.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { webhookMessages } from "@/db/schema";
import type { WebhookEventType } from "@/lib/shared/vocabulary";
import type { WebhookEventData } from "./events";

export type WebhookEmission<T extends WebhookEventType> = {
  leadId: string | null;
  data: WebhookEventData[T];
};

const CHUNK = 1_000;

/** The enabled endpoints subscribed to a type, in a fixed order. */
export async function subscribedEndpoints(q: Queryable, type: WebhookEventType) {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from webhook_endpoints where enabled and ${type} = any(event_types) order by id`,
  );
  return rows.map((r) => r.id);
}

/**
 * One event, in the caller's transaction. E.g. once a model is live:
 * `await emitWebhookEvent(tx, { type: "model.published", data: { version, name, note, mqlThreshold, publishedBy }, at: now })`.
 * Returns the number of deliveries queued.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(
  q: Queryable,
  event: { type: T; leadId?: string | null; data: WebhookEventData[T]; at?: Date },
): Promise<number> {
  return emitWebhookEvents(
    q,
    event.type,
    async () => [{ leadId: event.leadId ?? null, data: event.data }],
    event.at,
  );
}

/**
 * Many events of one type (a handoff of hundreds of MQLs), written set-wise. `build` runs only
 * when some endpoint subscribes, so an expensive payload (receipts) costs nothing otherwise.
 */
export async function emitWebhookEvents<T extends WebhookEventType>(
  q: Queryable,
  type: T,
  build: () => Promise<WebhookEmission<T>[]>,
  at: Date = new Date(),
): Promise<number> {
  const endpoints = await subscribedEndpoints(q, type);
  if (!endpoints.length) return 0;
  const events = await build();
  return writeMessages(q, type, events, at, endpoints);
}

/** Writes the messages, then their deliveries in message order (ids increase: that is the per-lead order). */
export async function writeMessages(
  q: Queryable,
  type: string,
  events: { leadId: string | null; data: unknown }[],
  at: Date,
  endpointIds: string[],
  /** When the deliveries fall due: now, unless they must go ahead of a backlog (a test event). */
  dueAt: Date = new Date(),
): Promise<number> {
  if (!events.length || !endpointIds.length) return 0;
  const ids = events.map(() => randomUUID());
  for (let i = 0; i < events.length; i += CHUNK) {
    await q.insert(webhookMessages).values(
      events.slice(i, i + CHUNK).map((e, j) => ({
        id: ids[i + j],
        type,
        leadId: e.leadId,
        data: e.data as Record<string, unknown>,
        occurredAt: at,
      })),
    );
  }
  // Real time, not the change's `at`: the schedule is the deliverer's, whatever clock the change used.
  const due = dueAt.toISOString();
  let queued = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await queryRows<{ n: number }>(
      q,
      sql`with inserted as (
            insert into webhook_deliveries (endpoint_id, message_id, lead_id, next_attempt_at)
            select e.id, m.id, m.lead_id, ${due}::timestamptz
            from unnest(${arrayParam(ids.slice(i, i + CHUNK), "uuid")}) with ordinality as o(id, n)
            join webhook_messages m on m.id = o.id
            cross join unnest(${arrayParam(endpointIds, "uuid")}) as e(id)
            order by o.n, e.id
            returning 1)
          select count(*)::int as n from inserted`,
    );
    queued += Number(rows[0]?.n ?? 0);
  }
  return queued;
}
