import { getDb } from "@/db/client";
import { getPredictiveSummary } from "@/lib/domain/predict/train";
import * as contracts from "@/lib/http/contracts/reports";
import { withApi } from "@/lib/http/with-api";

/** The latest training run of the predictive score (null before the first). */
export const GET = withApi(contracts.getPredictiveSummary, async ({ reply }) =>
  reply(200, { data: await getPredictiveSummary(await getDb()) }),
);
