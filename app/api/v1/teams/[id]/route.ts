import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { saveTeam } from "@/lib/teams/save-team";
import { saveTeamSchema } from "@/lib/teams/schemas";
import { sessionUser } from "@/lib/teams/session-user";

/** Renames a team and sets its time zone. */
export const PATCH = withApi(
  { permission: "users:manage", body: saveTeamSchema },
  async ({ principal, params, body }) => {
    const team = await saveTeam({
      db: await getDb(),
      actor: sessionUser(principal),
      id: params.id,
      ...body,
    });
    return Response.json({ data: team });
  },
);
