import { getDb } from "@/db/client";
import { createUser } from "@/lib/domain/users/create-user";
import { listUsers } from "@/lib/domain/users/list-users";
import * as contracts from "@/lib/http/contracts/users";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contracts.listUsers, async ({ user, reply }) =>
  reply(200, { data: await listUsers({ db: await getDb(), actor: user }) }),
);

export const POST = withApi(contracts.createUser, async ({ user, body, reply }) =>
  reply(201, { data: await createUser({ db: await getDb(), actor: user, input: body }) }),
);
