import { getDb } from "@/db/client";
import { removeReason, updateReason } from "@/lib/domain/reasons/save-reason";
import * as contracts from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const PATCH = withApi(contracts.updateReason, async ({ user, params, body, reply }) =>
  reply(200, {
    data: await updateReason({
      db: await getDb(),
      actor: user,
      id: params.id,
      input: body,
      now: appNow(),
    }),
  }),
);

export const DELETE = withApi(contracts.deleteReason, async ({ user, params, reply }) =>
  reply(200, {
    data: await removeReason({ db: await getDb(), actor: user, id: params.id, now: appNow() }),
  }),
);
