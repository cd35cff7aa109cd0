import { getDb } from "@/db/client";
import { reassignLead } from "@/lib/domain/decisions/reassign-lead";
import { getLeadSla } from "@/lib/domain/sla/lead-sla";
import { reassignLead as contract } from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const POST = withApi(contract, async ({ user, params, body, reply }) => {
  const db = await getDb();
  const result = await reassignLead({
    db,
    actor: user,
    leadId: params.id,
    input: body,
    now: appNow(),
  });
  return reply(200, { data: { ...result, sla: (await getLeadSla(db, params.id)).current } });
});
