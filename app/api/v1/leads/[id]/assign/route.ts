import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { reassignLead } from "@/lib/domain/decisions/reassign-lead";
import { assignInputSchema } from "@/lib/domain/decisions/schemas";
import { getLeadSla } from "@/lib/domain/sla/lead-sla";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** A manager gives an open MQL or SAL of their team to another rep of the team; the SLA clock restarts. */
export const POST = withApi(
  { permission: "leads:assign", body: assignInputSchema },
  async ({ principal, params, body }) => {
    const db = await getDb();
    const result = await reassignLead({
      db,
      actor: sessionUser(principal),
      leadId: params.id,
      input: body,
      now: appNow(),
    });
    return Response.json({ data: { ...result, sla: (await getLeadSla(db, params.id)).current } });
  },
);
