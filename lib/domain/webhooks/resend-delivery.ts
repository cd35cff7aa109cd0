/**
 * Sends a finished delivery again (same message, same `webhook-id`, fresh attempts). It keeps its
 * place in the lead's order: later messages about the same lead wait until it is done again.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { assertManagesWebhooks, auditActor } from "./access";
import { selectDeliveries, type DeliveryView } from "./delivery-view";
import { findEndpoint } from "./find-endpoint";

export async function resendDelivery({
  db,
  principal,
  endpointId,
  deliveryId,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  endpointId: string;
  deliveryId: number;
  now?: Date;
}): Promise<DeliveryView> {
  assertManagesWebhooks(principal);
  return db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, endpointId, { lock: true });
    const [current] = await queryRows<{ status: string }>(
      tx,
      sql`select status from webhook_deliveries where id = ${deliveryId} and endpoint_id = ${endpoint.id} for update`,
    );
    if (!current) throw new AppError("not_found", "No delivery with this id for this endpoint.");
    if (!endpoint.enabled)
      throw new AppError("conflict", "This endpoint is disabled: enable it before resending.");
    if (current.status === "pending")
      throw new AppError("conflict", "This delivery is already waiting to be sent.");
    await tx.execute(
      sql`update webhook_deliveries
          set status = 'pending', attempts = 0, next_attempt_at = ${now.toISOString()}::timestamptz, finished_at = null,
              last_attempt_at = null, response_status = null, response_body = null, latency_ms = null, last_error = null, error_kind = null
          where id = ${deliveryId}`,
    );
    await tx.insert(auditLog).values({
      ...auditActor(principal),
      action: "webhook.delivery_resent",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      data: { deliveryId },
    });
    const [view] = await selectDeliveries(tx, sql`d.id = ${deliveryId}`, 1);
    return view;
  });
}
