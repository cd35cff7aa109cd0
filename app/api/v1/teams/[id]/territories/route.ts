import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { setTerritoriesSchema } from "@/lib/domain/teams/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";
import { setTerritories } from "@/lib/domain/teams/set-territories";

/** Replaces the team's countries; `moved` lists those taken from another team. */
export const PUT = withApi(
  { permission: "users:manage", body: setTerritoriesSchema },
  async ({ principal, params, body }) => {
    const result = await setTerritories({
      db: await getDb(),
      actor: sessionUser(principal),
      teamId: params.id,
      ...body,
    });
    return Response.json({ data: result });
  },
);
