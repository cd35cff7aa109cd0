import { getDb } from "@/db/client";
import { decideLead } from "@/lib/domain/decisions/decide-lead";
import { decideLead as contract } from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const POST = withApi(contract, async ({ user, params, body, reply }) => {
  const result = await decideLead({
    db: await getDb(),
    actor: user,
    leadId: params.id,
    input: body,
    now: appNow(),
  });
  return reply(201, { data: result });
});
