import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { getPredictiveSummary } from "@/lib/domain/predict/train";

/** The latest training run of the predictive score (null before the first). */
export const GET = withApi({ permission: "reports:read", scope: "reports:read" }, async () => {
  return Response.json({ data: await getPredictiveSummary(await getDb()) });
});
