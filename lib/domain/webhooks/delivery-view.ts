/** One delivery as the log shows it: what was sent, how each try went, and what comes next. */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { WebhookDeliveryStatus, WebhookErrorKind } from "@/lib/shared/vocabulary";

/** The `webhook-id` header: the message's id, the same on every try and every endpoint. */
export const webhookId = (messageId: string) => `msg_${messageId.replace(/-/g, "")}`;

type Row = {
  id: number | string;
  message_id: string;
  type: string;
  lead_id: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_attempt_at: Date | string | null;
  response_status: number | null;
  response_body: string | null;
  latency_ms: number | null;
  last_error: string | null;
  error_kind: WebhookErrorKind | null;
  created_at: Date | string;
  finished_at: Date | string | null;
  occurred_at: Date | string;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function view(r: Row) {
  return {
    id: Number(r.id),
    messageId: webhookId(r.message_id),
    type: r.type,
    leadId: r.lead_id,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === "pending" ? iso(r.next_attempt_at) : null,
    lastAttemptAt: iso(r.last_attempt_at),
    responseStatus: r.response_status,
    responseBody: r.response_body,
    latencyMs: r.latency_ms,
    lastError: r.last_error,
    errorKind: r.error_kind,
    occurredAt: iso(r.occurred_at)!,
    createdAt: iso(r.created_at)!,
    finishedAt: iso(r.finished_at),
  };
}

export type DeliveryView = ReturnType<typeof view>;

export async function selectDeliveries(q: Queryable, where: SQL, limit: number) {
  const rows = await queryRows<Row>(
    q,
    sql`select d.id, d.message_id, m.type, d.lead_id, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at,
               d.response_status, d.response_body, d.latency_ms, d.last_error, d.error_kind, d.created_at, d.finished_at, m.occurred_at
        from webhook_deliveries d join webhook_messages m on m.id = d.message_id
        where ${where}
        order by d.id desc
        limit ${limit}`,
  );
  return rows.map(view);
}
