import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { markNotificationsRead } from "@/lib/domain/notifications/notifications";
import { markReadSchema } from "@/lib/domain/notifications/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** Marks some (or all) of the signed-in person's notifications read. */
export const POST = withApi(
  { permission: "notifications:read", body: markReadSchema },
  async ({ principal, body }) => {
    const actor = sessionUser(principal);
    const marked = await markNotificationsRead(
      await getDb(),
      actor.id,
      "all" in body ? "all" : body.ids,
      appNow(),
    );
    return Response.json({ data: { marked } });
  },
);
