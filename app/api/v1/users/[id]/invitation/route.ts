import { getDb } from "@/db/client";
import { createInvitationLink } from "@/lib/domain/users/invitations";
import { createInvitation as contract } from "@/lib/http/contracts/users";
import { withApi } from "@/lib/http/with-api";

export const POST = withApi(contract, async ({ user, params, reply }) =>
  reply(201, {
    data: await createInvitationLink({ db: await getDb(), actor: user, userId: params.id }),
  }),
);
