import { getDb } from "@/db/client";
import { saveTeam } from "@/lib/domain/teams/save-team";
import { updateTeam as contract } from "@/lib/http/contracts/teams";
import { withApi } from "@/lib/http/with-api";

export const PATCH = withApi(contract, async ({ user, params, body, reply }) =>
  reply(200, { data: await saveTeam({ db: await getDb(), actor: user, id: params.id, ...body }) }),
);
