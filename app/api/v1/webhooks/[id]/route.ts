import { getDb } from "@/db/client";
import { deleteEndpoint } from "@/lib/domain/webhooks/delete-endpoint";
import { updateEndpoint } from "@/lib/domain/webhooks/update-endpoint";
import * as contracts from "@/lib/http/contracts/webhooks";
import { withApi } from "@/lib/http/with-api";

export const PATCH = withApi(contracts.updateWebhook, async ({ principal, params, body, reply }) =>
  reply(200, {
    data: await updateEndpoint({ db: await getDb(), principal, id: params.id, input: body }),
  }),
);

export const DELETE = withApi(contracts.deleteWebhook, async ({ principal, params }) => {
  await deleteEndpoint({ db: await getDb(), principal, id: params.id });
  return new Response(null, { status: 204 });
});
