import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { logTouch } from "@/lib/domain/decisions/log-touch";
import { touchInputSchema } from "@/lib/domain/decisions/schemas";
import { getLeadSla } from "@/lib/domain/sla/lead-sla";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** Logs a touch attempt on a lead the person may act on (404 for anyone else's lead). */
export const POST = withApi(
  { permission: "leads:decide", body: touchInputSchema },
  async ({ principal, params, body }) => {
    const db = await getDb();
    const touch = await logTouch({
      db,
      actor: sessionUser(principal),
      leadId: params.id,
      input: body,
      now: appNow(),
    });
    return Response.json(
      { data: { touch, sla: (await getLeadSla(db, params.id)).current } },
      { status: 201 },
    );
  },
);
