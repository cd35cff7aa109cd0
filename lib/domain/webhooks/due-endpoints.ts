import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/** Endpoints with something due now: what the job poller starts a delivery job for. */
export async function endpointsWithDueDeliveries(db: Db, now = new Date()): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select e.id from webhook_endpoints e
        where e.enabled and (e.throttled_until is null or e.throttled_until <= ${now.toISOString()}::timestamptz)
          and exists (
            select 1 from webhook_deliveries d
            where d.endpoint_id = e.id and d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz)
        order by e.id`,
  );
  return rows.map((r) => r.id);
}
