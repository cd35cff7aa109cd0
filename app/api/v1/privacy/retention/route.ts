import { getDb } from "@/db/client";
import { getRetention, saveRetention } from "@/lib/domain/privacy/retention";
import * as contracts from "@/lib/http/contracts/privacy";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contracts.getRetention, async ({ reply }) =>
  reply(200, { data: await getRetention(await getDb()) }),
);

export const PUT = withApi(contracts.saveRetention, async ({ user, body, reply }) =>
  reply(200, { data: await saveRetention({ db: await getDb(), actor: user, input: body }) }),
);
