import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { reassignLead } from "@/lib/decisions/reassign-lead";
import { assignInputSchema } from "@/lib/decisions/schemas";
import { getLeadSla } from "@/lib/sla/lead-sla";
import { sessionUser } from "@/lib/teams/session-user";

/** A manager gives an open MQL or SAL of their team to another rep of the team; the SLA clock restarts. */
export const POST = withApi({ permission: "leads:assign", body: assignInputSchema }, async ({ principal, params, body }) => {
  const db = await getDb();
  const result = await reassignLead({ db, actor: sessionUser(principal), leadId: params.id, input: body, now: appNow() });
  return Response.json({ data: { ...result, sla: (await getLeadSla(db, params.id)).current } });
});
