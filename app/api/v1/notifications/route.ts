import { getDb } from "@/db/client";
import { listNotifications } from "@/lib/domain/notifications/notifications";
import { listNotifications as contract } from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contract, async ({ user, query, reply }) => {
  const result = await listNotifications(await getDb(), user.id, {
    unreadOnly: query.unread === "true",
    before: query.before,
    limit: query.limit,
  });
  return reply(200, { data: result.items, unread: result.unread });
});
