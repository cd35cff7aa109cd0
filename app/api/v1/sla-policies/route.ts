import { getDb } from "@/db/client";
import { listPolicies } from "@/lib/domain/sla/policies";
import { savePolicies } from "@/lib/domain/sla/save-policies";
import * as contracts from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const GET = withApi(contracts.listSlaPolicies, async ({ reply }) =>
  reply(200, { data: await listPolicies(await getDb()) }),
);

export const PUT = withApi(contracts.replaceSlaPolicies, async ({ user, body, reply }) =>
  reply(200, {
    data: await savePolicies({ db: await getDb(), actor: user, input: body, now: appNow() }),
  }),
);
