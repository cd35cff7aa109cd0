import { getDb } from "@/db/client";
import { listDeliveries } from "@/lib/domain/webhooks/list-deliveries";
import { listWebhookDeliveries as contract } from "@/lib/http/contracts/webhooks";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contract, async ({ principal, params, query, reply }) =>
  reply(200, await listDeliveries({ db: await getDb(), principal, endpointId: params.id, query })),
);
