import { getDb } from "@/db/client";
import { markNotificationsRead } from "@/lib/domain/notifications/notifications";
import { markNotificationsRead as contract } from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

export const POST = withApi(contract, async ({ user, body, reply }) => {
  const marked = await markNotificationsRead(
    await getDb(),
    user.id,
    "all" in body ? "all" : body.ids,
    appNow(),
  );
  return reply(200, { data: { marked } });
});
