import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { decideLead } from "@/lib/domain/decisions/decide-lead";
import { decisionInputSchema } from "@/lib/domain/decisions/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** Accept (BANT), qualify, reject or disqualify (reason code) a lead the person may act on. */
export const POST = withApi(
  { permission: "leads:decide", body: decisionInputSchema },
  async ({ principal, params, body }) => {
    const result = await decideLead({
      db: await getDb(),
      actor: sessionUser(principal),
      leadId: params.id,
      input: body,
      now: appNow(),
    });
    return Response.json({ data: result }, { status: 201 });
  },
);
