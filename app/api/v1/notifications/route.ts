import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { listNotifications } from "@/lib/domain/notifications/notifications";
import { notificationsQuerySchema } from "@/lib/domain/notifications/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** The signed-in person's notifications, newest first, with the unread count. */
export const GET = withApi(
  { permission: "notifications:read", query: notificationsQuerySchema },
  async ({ principal, query }) => {
    const actor = sessionUser(principal);
    const result = await listNotifications(await getDb(), actor.id, {
      unreadOnly: query.unread === "true",
      before: query.before,
      limit: query.limit,
    });
    return Response.json({ data: result.items, unread: result.unread });
  },
);
