import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { sessionUser } from "@/lib/domain/teams/session-user";
import { getTeamsOverview } from "@/lib/domain/teams/get-teams-overview";
import { saveTeam } from "@/lib/domain/teams/save-team";
import { saveTeamSchema } from "@/lib/domain/teams/schemas";

/** Teams, their countries and members, and the gaps routing cannot fill. Admins only, signed in. */
export const GET = withApi({ permission: "users:manage" }, async ({ principal }) => {
  return Response.json({
    data: await getTeamsOverview({ db: await getDb(), actor: sessionUser(principal) }),
  });
});

export const POST = withApi(
  { permission: "users:manage", body: saveTeamSchema },
  async ({ principal, body }) => {
    const team = await saveTeam({ db: await getDb(), actor: sessionUser(principal), ...body });
    return Response.json({ data: team }, { status: 201 });
  },
);
