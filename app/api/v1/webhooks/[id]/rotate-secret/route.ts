import { getDb } from "@/db/client";
import { rotateSecret } from "@/lib/domain/webhooks/rotate-secret";
import { rotateWebhookSecret as contract } from "@/lib/http/contracts/webhooks";
import { withApi } from "@/lib/http/with-api";

export const POST = withApi(contract, async ({ principal, params, reply }) =>
  reply(200, { data: await rotateSecret({ db: await getDb(), principal, id: params.id }) }),
);
