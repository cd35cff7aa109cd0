/**
 * Edits an endpoint: its address, description, events, and whether it receives. Turning a disabled
 * endpoint back on (after failures, a 410, or an admin) clears its failure record and makes what
 * waited for it due at once; turning one off keeps its pending deliveries for when it comes back.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, webhookEndpoints } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { parseInput } from "@/lib/auth/guard";
import { assertManagesWebhooks, auditActor } from "./access";
import { endpointStats, endpointView, type EndpointView } from "./endpoint-view";
import { findEndpoint } from "./find-endpoint";
import { updateEndpointSchema } from "./schemas";

export async function updateEndpoint({
  db,
  principal,
  id,
  input,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  id: string;
  input: unknown;
  now?: Date;
}): Promise<EndpointView> {
  assertManagesWebhooks(principal);
  const patch = parseInput(updateEndpointSchema, input);
  return db.transaction(async (tx) => {
    const before = await findEndpoint(tx, id, { lock: true });
    const enabling = patch.enabled === true && !before.enabled;
    const disabling = patch.enabled === false && before.enabled;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(patch.url !== undefined && { url: patch.url }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.eventTypes !== undefined && { eventTypes: patch.eventTypes }),
        ...(enabling && {
          enabled: true,
          disabledReason: null,
          disabledAt: null,
          failingSince: null,
          consecutiveFailures: 0,
          throttledUntil: null,
        }),
        ...(disabling && { enabled: false, disabledReason: "admin" as const, disabledAt: now }),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, before.id))
      .returning();
    if (enabling)
      await tx.execute(
        sql`update webhook_deliveries set next_attempt_at = ${now.toISOString()}::timestamptz
            where endpoint_id = ${row.id} and status = 'pending' and next_attempt_at > ${now.toISOString()}::timestamptz`,
      );
    await tx.insert(auditLog).values({
      ...auditActor(principal),
      action: enabling ? "webhook.enabled" : disabling ? "webhook.disabled" : "webhook.updated",
      targetType: "webhook_endpoint",
      targetId: row.id,
      data: { ...patch },
    });
    const stats = await endpointStats(tx, [row.id]);
    return endpointView(row, stats.get(row.id)!);
  });
}
