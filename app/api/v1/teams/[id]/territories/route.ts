import { getDb } from "@/db/client";
import { setTerritories } from "@/lib/domain/teams/set-territories";
import { setTeamTerritories as contract } from "@/lib/http/contracts/teams";
import { withApi } from "@/lib/http/with-api";

export const PUT = withApi(contract, async ({ user, params, body, reply }) =>
  reply(200, {
    data: await setTerritories({ db: await getDb(), actor: user, teamId: params.id, ...body }),
  }),
);
