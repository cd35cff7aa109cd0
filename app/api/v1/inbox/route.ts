import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { listInbox } from "@/lib/domain/inbox/list-inbox";
import { inboxQuerySchema } from "@/lib/domain/inbox/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** The signed-in person's inbox: open MQLs and SALs, most urgent first. */
export const GET = withApi(
  { permission: "inbox:read", query: inboxQuerySchema },
  async ({ principal, query }) => {
    const actor = sessionUser(principal);
    const started = performance.now();
    const result = await listInbox(await getDb(), actor, {
      repId: query.repId,
      breachedOnly: query.breached === "true",
      limit: query.limit,
      now: appNow(),
    });
    return Response.json(
      { data: result.rows, now: result.now },
      { headers: { "Server-Timing": `inbox;dur=${(performance.now() - started).toFixed(1)}` } },
    );
  },
);
