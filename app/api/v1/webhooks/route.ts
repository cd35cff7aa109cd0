import { getDb } from "@/db/client";
import { createEndpoint } from "@/lib/domain/webhooks/create-endpoint";
import { listEndpoints } from "@/lib/domain/webhooks/list-endpoints";
import * as contracts from "@/lib/http/contracts/webhooks";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contracts.listWebhooks, async ({ reply }) =>
  reply(200, { data: await listEndpoints(await getDb()) }),
);

export const POST = withApi(contracts.createWebhook, async ({ principal, body, reply }) =>
  reply(201, { data: await createEndpoint({ db: await getDb(), principal, input: body }) }),
);
