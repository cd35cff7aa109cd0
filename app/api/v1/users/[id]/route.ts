import { getDb } from "@/db/client";
import { updateMember } from "@/lib/domain/teams/update-member";
import { updateUser as contract } from "@/lib/http/contracts/teams";
import { withApi } from "@/lib/http/with-api";

export const PATCH = withApi(contract, async ({ user, params, body, reply }) =>
  reply(200, {
    data: await updateMember({ db: await getDb(), actor: user, userId: params.id, ...body }),
  }),
);
