/** Removes an endpoint and its delivery log; messages other endpoints received stay theirs. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, webhookEndpoints } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { assertManagesWebhooks, auditActor } from "./access";
import { findEndpoint } from "./find-endpoint";

export async function deleteEndpoint({
  db,
  principal,
  id,
}: {
  db: Db;
  principal: Principal;
  id: string;
}): Promise<void> {
  assertManagesWebhooks(principal);
  await db.transaction(async (tx) => {
    const row = await findEndpoint(tx, id, { lock: true });
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
    await tx.insert(auditLog).values({
      ...auditActor(principal),
      action: "webhook.deleted",
      targetType: "webhook_endpoint",
      targetId: row.id,
      data: { url: row.url },
    });
  });
}
