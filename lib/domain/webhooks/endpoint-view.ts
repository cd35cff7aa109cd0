/** An endpoint as people and API clients see it: never its secret, only the secret's first characters. */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import type { WebhookEndpoint } from "@/db/schema";
import type { WebhookDeliveryStatus } from "@/lib/shared/vocabulary";
import { secretPrefix } from "./secret";

export type EndpointStats = {
  pending: number;
  lastDelivery: {
    status: WebhookDeliveryStatus;
    at: string;
    responseStatus: number | null;
  } | null;
};

export function endpointView(row: WebhookEndpoint, stats: EndpointStats) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    secretPrefix: secretPrefix(row.secret),
    previousSecretUntil:
      row.previousSecret && row.previousSecretUntil && row.previousSecretUntil > new Date()
        ? row.previousSecretUntil.toISOString()
        : null,
    failingSince: row.failingSince?.toISOString() ?? null,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...stats,
  };
}

export type EndpointView = ReturnType<typeof endpointView>;

/** Pending count and the latest finished or attempted delivery of each endpoint. */
export async function endpointStats(
  q: Queryable,
  ids: string[],
): Promise<Map<string, EndpointStats>> {
  const out = new Map<string, EndpointStats>(
    ids.map((id) => [id, { pending: 0, lastDelivery: null }]),
  );
  if (!ids.length) return out;
  const rows = await queryRows<{
    id: string;
    pending: number;
    status: WebhookDeliveryStatus | null;
    at: Date | string | null;
    response_status: number | null;
  }>(
    q,
    sql`select e.id,
               (select count(*)::int from webhook_deliveries p where p.endpoint_id = e.id and p.status = 'pending') as pending,
               l.status, l.at, l.response_status
        from webhook_endpoints e
        left join lateral (
          select d.status, coalesce(d.finished_at, d.last_attempt_at) as at, d.response_status
          from webhook_deliveries d
          where d.endpoint_id = e.id and d.last_attempt_at is not null
          order by d.id desc limit 1
        ) l on true
        where e.id = any(${arrayParam(ids, "uuid")})`,
  );
  for (const r of rows)
    out.set(r.id, {
      pending: Number(r.pending),
      lastDelivery:
        r.status && r.at
          ? {
              status: r.status,
              at: new Date(r.at).toISOString(),
              responseStatus: r.response_status,
            }
          : null,
    });
  return out;
}
