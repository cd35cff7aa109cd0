import { getDb } from "@/db/client";
import { resendDelivery } from "@/lib/domain/webhooks/resend-delivery";
import { resendWebhookDelivery as contract } from "@/lib/http/contracts/webhooks";
import { withApi } from "@/lib/http/with-api";

export const POST = withApi(contract, async ({ principal, params, reply }) =>
  reply(200, {
    data: await resendDelivery({
      db: await getDb(),
      principal,
      endpointId: params.id,
      deliveryId: params.deliveryId,
    }),
  }),
);
