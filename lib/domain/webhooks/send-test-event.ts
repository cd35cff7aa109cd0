/**
 * "Send test event": a `webhook.test` message to this endpoint alone, whatever it subscribes to,
 * through the same outbox, signing and retries as real events — so it proves the whole path.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { principalLabel } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { WEBHOOK_TEST_EVENT } from "@/lib/shared/vocabulary";
import { assertManagesWebhooks } from "./access";
import { selectDeliveries, type DeliveryView } from "./delivery-view";
import { findEndpoint } from "./find-endpoint";
import { writeMessages } from "./outbox";

export async function sendTestEvent({
  db,
  principal,
  endpointId,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  endpointId: string;
  now?: Date;
}): Promise<DeliveryView> {
  assertManagesWebhooks(principal);
  return db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, endpointId);
    if (!endpoint.enabled)
      throw new AppError("conflict", "This endpoint is disabled: enable it to send a test event.");
    await writeMessages(
      tx,
      WEBHOOK_TEST_EVENT,
      [
        {
          leadId: null,
          data: {
            endpoint: { id: endpoint.id, url: endpoint.url },
            sentBy: principalLabel(principal).label,
            message: "A test event from Accord: if your signature check accepts it, you are set.",
          },
        },
      ],
      now,
      [endpoint.id],
      // Due a day ago: the deliverer takes the oldest due first, so a test event goes ahead of a
      // backlog of lead events (it concerns no lead, so no per-lead order is broken).
      new Date(Date.now() - 86_400_000),
    );
    const [view] = await selectDeliveries(tx, sql`d.endpoint_id = ${endpoint.id}`, 1);
    return view;
  });
}
