import { getDb } from "@/db/client";
import { listInbox } from "@/lib/domain/inbox/list-inbox";
import { listInbox as contract } from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const GET = withApi(contract, async ({ user, query, reply }) => {
  const started = performance.now();
  const result = await listInbox(await getDb(), user, {
    repId: query.repId,
    breachedOnly: query.breached === "true",
    limit: query.limit,
    now: appNow(),
  });
  return reply(
    200,
    { data: result.rows, now: result.now },
    { headers: { "Server-Timing": `inbox;dur=${(performance.now() - started).toFixed(1)}` } },
  );
});
