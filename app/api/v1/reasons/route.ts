import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { listReasons } from "@/lib/domain/reasons/list-reasons";
import { createReason } from "@/lib/domain/reasons/save-reason";
import * as contracts from "@/lib/http/contracts/sales";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contracts.listReasons, async ({ user, query, reply }) => {
  const includeArchived = query.includeArchived === "true" && can(user.role, "settings:sales");
  return reply(200, {
    data: await listReasons(await getDb(), { kind: query.kind, includeArchived }),
  });
});

export const POST = withApi(contracts.createReason, async ({ user, body, reply }) =>
  reply(201, { data: await createReason({ db: await getDb(), actor: user, input: body }) }),
);
