import { getDb } from "@/db/client";
import { getScoringModel as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { getActiveModel } from "@/lib/domain/scoring/versions";

/** The active (highest published) model version. */
export const GET = withApi(contract, async ({ reply }) => {
  const active = await getActiveModel(await getDb());
  if (!active) throw new AppError("not_found", "No scoring model has been published yet.");
  return reply(200, {
    data: {
      version: active.version,
      publishedAt: active.publishedAt,
      author: active.authorLabel,
      note: active.note,
      model: active.model,
    },
  });
});
