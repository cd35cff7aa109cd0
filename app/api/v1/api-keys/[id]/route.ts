import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { revokeApiKey } from "@/lib/api-keys/api-keys";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export const DELETE = withApi({ permission: "api-keys:manage" }, async ({ params, principal }) => {
  const revoked = isUuid(params.id) && principal.kind === "user" && (await revokeApiKey(await getDb(), params.id, principal.user.id));
  if (!revoked) throw new AppError("not_found", "No active API key with this id.");
  return new Response(null, { status: 204 });
});
