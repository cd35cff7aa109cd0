import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/** Deletes delivered and given-up deliveries older than `keepDays`, and messages nobody still needs. */
export async function pruneWebhookLog(
  db: Db,
  { now = new Date(), keepDays = 30 }: { now?: Date; keepDays?: number } = {},
): Promise<{ deliveries: number; messages: number }> {
  const before = sql`${new Date(now.getTime() - keepDays * 86_400_000).toISOString()}::timestamptz`;
  let deliveries = 0;
  for (;;) {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`delete from webhook_deliveries where id in (
            select id from webhook_deliveries where status <> 'pending' and finished_at < ${before} limit 5000)
          returning id`,
    );
    deliveries += rows.length;
    if (rows.length < 5000) break;
  }
  let messages = 0;
  for (;;) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`delete from webhook_messages where id in (
            select m.id from webhook_messages m
            where m.created_at < ${before}
              and not exists (select 1 from webhook_deliveries d where d.message_id = m.id)
            limit 5000)
          returning id`,
    );
    messages += rows.length;
    if (rows.length < 5000) break;
  }
  return { deliveries, messages };
}
