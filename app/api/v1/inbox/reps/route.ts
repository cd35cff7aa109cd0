import { getDb } from "@/db/client";
import { repLoads } from "@/lib/domain/routing/queues";
import { listInboxReps as contract } from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const GET = withApi(contract, async ({ user, reply }) => {
  if (user.role !== "admin" && !user.teamId) return reply(200, { data: [] });
  return reply(200, {
    data: await repLoads(await getDb(), user.role === "admin" ? null : user.teamId, appNow()),
  });
});
