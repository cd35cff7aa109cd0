import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { listVersions } from "@/lib/domain/scoring/versions";

export const GET = withApi({ permission: "rules:read", scope: "model:read" }, async () => {
  const versions = await listVersions(await getDb());
  return Response.json({
    data: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  });
});
