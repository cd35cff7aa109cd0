/**
 * A new signing secret, shown once. For a day both secrets sign every request (the signature
 * header carries both, as Standard Webhooks allows), so the receiver can switch without a gap.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, webhookEndpoints } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { assertManagesWebhooks, auditActor } from "./access";
import { findEndpoint } from "./find-endpoint";
import { newWebhookSecret, secretPrefix } from "./secret";

export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

export async function rotateSecret({
  db,
  principal,
  id,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  id: string;
  now?: Date;
}): Promise<{ secret: string; secretPrefix: string; previousSecretUntil: string }> {
  assertManagesWebhooks(principal);
  const secret = newWebhookSecret();
  const until = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
  await db.transaction(async (tx) => {
    const row = await findEndpoint(tx, id, { lock: true });
    await tx
      .update(webhookEndpoints)
      .set({ secret, previousSecret: row.secret, previousSecretUntil: until, updatedAt: now })
      .where(eq(webhookEndpoints.id, row.id));
    await tx.insert(auditLog).values({
      ...auditActor(principal),
      action: "webhook.secret_rotated",
      targetType: "webhook_endpoint",
      targetId: row.id,
    });
  });
  return { secret, secretPrefix: secretPrefix(secret), previousSecretUntil: until.toISOString() };
}
