import { getDb } from "@/db/client";
import { revokeApiKey } from "@/lib/domain/api-keys/api-keys";
import { revokeApiKey as contract } from "@/lib/http/contracts/admin";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const DELETE = withApi(contract, async ({ params, user }) => {
  if (!(await revokeApiKey(await getDb(), params.id, user.id)))
    throw new AppError("not_found", "No active API key with this id.");
  return new Response(null, { status: 204 });
});
