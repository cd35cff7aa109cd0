import { getDb } from "@/db/client";
import { setTeamHolidays } from "@/lib/domain/teams/set-holidays";
import { setTeamHolidays as contract } from "@/lib/http/contracts/teams";
import { withApi } from "@/lib/http/with-api";

export const PUT = withApi(contract, async ({ user, params, body, reply }) =>
  reply(200, {
    data: await setTeamHolidays({
      db: await getDb(),
      actor: user,
      teamId: params.id,
      input: body,
    }),
  }),
);
