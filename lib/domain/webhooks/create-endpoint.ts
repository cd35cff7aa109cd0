/** An admin (or an API key with webhooks:write) adds an endpoint; its secret is in this answer only. */
import type { Db } from "@/db/client";
import { auditLog, webhookEndpoints } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { parseInput } from "@/lib/auth/guard";
import { assertManagesWebhooks, auditActor } from "./access";
import { endpointView, type EndpointView } from "./endpoint-view";
import { createEndpointSchema } from "./schemas";
import { newWebhookSecret } from "./secret";

export async function createEndpoint({
  db,
  principal,
  input,
}: {
  db: Db;
  principal: Principal;
  input: unknown;
}): Promise<EndpointView & { secret: string }> {
  assertManagesWebhooks(principal);
  const parsed = parseInput(createEndpointSchema, input);
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        url: parsed.url,
        description: parsed.description,
        eventTypes: parsed.eventTypes,
        enabled: parsed.enabled,
        disabledReason: parsed.enabled ? null : "admin",
        disabledAt: parsed.enabled ? null : new Date(),
        secret,
        createdBy: principal.kind === "user" ? principal.user.id : null,
      })
      .returning();
    await tx.insert(auditLog).values({
      ...auditActor(principal),
      action: "webhook.created",
      targetType: "webhook_endpoint",
      targetId: row.id,
      data: { url: row.url, eventTypes: row.eventTypes },
    });
    return { ...endpointView(row, { pending: 0, lastDelivery: null }), secret };
  });
}
