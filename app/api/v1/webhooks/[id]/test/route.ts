import { getDb } from "@/db/client";
import { sendTestEvent } from "@/lib/domain/webhooks/send-test-event";
import { sendWebhookTest as contract } from "@/lib/http/contracts/webhooks";
import { withApi } from "@/lib/http/with-api";

export const POST = withApi(contract, async ({ principal, params, reply }) =>
  reply(202, {
    data: await sendTestEvent({ db: await getDb(), principal, endpointId: params.id }),
  }),
);
