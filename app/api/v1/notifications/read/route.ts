import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { markReadSchema } from "@/lib/notifications/schemas";
import { sessionUser } from "@/lib/teams/session-user";

/** Marks some (or all) of the signed-in person's notifications read. */
export const POST = withApi({ permission: "notifications:read", body: markReadSchema }, async ({ principal, body }) => {
  const actor = sessionUser(principal);
  const marked = await markNotificationsRead(await getDb(), actor.id, "all" in body ? "all" : body.ids, appNow());
  return Response.json({ data: { marked } });
});
