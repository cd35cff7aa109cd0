import { getDb } from "@/db/client";
import { withApi } from "@/lib/http/with-api";
import { createApiKey, createApiKeySchema, listApiKeys } from "@/lib/domain/api-keys/api-keys";

/** Admins only, signed in (keys cannot mint keys). */
export const GET = withApi({ permission: "api-keys:manage" }, async () => {
  const keys = await listApiKeys(await getDb());
  return Response.json({ data: keys });
});

export const POST = withApi(
  { permission: "api-keys:manage", body: createApiKeySchema },
  async ({ body, principal }) => {
    const key = await createApiKey(
      await getDb(),
      body,
      principal.kind === "user" ? principal.user.id : null,
    );
    return Response.json(
      { data: { id: key.id, name: body.name, scopes: body.scopes, secret: key.secret } },
      { status: 201 },
    );
  },
);
