import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { saveTeam } from "@/lib/domain/teams/save-team";
import { saveTeamSchema } from "@/lib/domain/teams/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

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
