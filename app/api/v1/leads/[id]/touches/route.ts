import { getDb } from "@/db/client";
import { logTouch } from "@/lib/domain/decisions/log-touch";
import { getLeadSla } from "@/lib/domain/sla/lead-sla";
import { logTouch as contract } from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const POST = withApi(contract, async ({ user, params, body, reply }) => {
  const db = await getDb();
  const touch = await logTouch({ db, actor: user, leadId: params.id, input: body, now: appNow() });
  return reply(201, { data: { touch, sla: (await getLeadSla(db, params.id)).current } });
});
