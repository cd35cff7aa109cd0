import { getDb } from "@/db/client";
import { createApiKey, listApiKeys } from "@/lib/domain/api-keys/api-keys";
import * as contracts from "@/lib/http/contracts/admin";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contracts.listApiKeys, async ({ reply }) =>
  reply(200, { data: await listApiKeys(await getDb()) }),
);

export const POST = withApi(contracts.createApiKey, async ({ body, user, reply }) => {
  const key = await createApiKey(await getDb(), body, user.id);
  return reply(201, {
    data: { id: key.id, name: body.name, scopes: body.scopes, secret: key.secret },
  });
});
