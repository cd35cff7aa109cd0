import { getDb } from "@/db/client";
import { withApi } from "@/lib/http/with-api";
import { revokeApiKey } from "@/lib/domain/api-keys/api-keys";
import { AppError } from "@/lib/shared/errors";
import { isUuid } from "@/lib/infra/ids";

export const DELETE = withApi({ permission: "api-keys:manage" }, async ({ params, principal }) => {
  const revoked =
    isUuid(params.id) &&
    principal.kind === "user" &&
    (await revokeApiKey(await getDb(), params.id, principal.user.id));
  if (!revoked) throw new AppError("not_found", "No active API key with this id.");
  return new Response(null, { status: 204 });
});
