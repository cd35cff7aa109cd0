import { getDb } from "@/db/client";
import { getTeamsOverview } from "@/lib/domain/teams/get-teams-overview";
import { saveTeam } from "@/lib/domain/teams/save-team";
import * as contracts from "@/lib/http/contracts/teams";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contracts.getTeamsOverview, async ({ user, reply }) =>
  reply(200, { data: await getTeamsOverview({ db: await getDb(), actor: user }) }),
);

export const POST = withApi(contracts.createTeam, async ({ user, body, reply }) =>
  reply(201, { data: await saveTeam({ db: await getDb(), actor: user, ...body }) }),
);
