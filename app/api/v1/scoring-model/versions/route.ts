import { getDb } from "@/db/client";
import { withApi } from "@/lib/http/with-api";
import { listVersions } from "@/lib/domain/scoring/versions";

export const GET = withApi({ permission: "rules:read", scope: "model:read" }, async () => {
  const versions = await listVersions(await getDb());
  return Response.json({
    data: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  });
});
