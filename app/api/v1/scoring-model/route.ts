import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { AppError } from "@/lib/shared/errors";
import { getActiveModel } from "@/lib/domain/scoring/versions";

/** The active (highest published) model version. */
export const GET = withApi({ permission: "rules:read", scope: "model:read" }, async () => {
  const active = await getActiveModel(await getDb());
  if (!active) throw new AppError("not_found", "No scoring model has been published yet.");
  return Response.json({
    data: {
      version: active.version,
      publishedAt: active.publishedAt.toISOString(),
      author: active.authorLabel,
      note: active.note,
      model: active.model,
    },
  });
});
