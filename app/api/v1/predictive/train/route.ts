import { getDb } from "@/db/client";
import { scorePredictions } from "@/lib/domain/predict/score";
import { trainPredictiveModel } from "@/lib/domain/predict/train";
import * as contracts from "@/lib/http/contracts/reports";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

/** Trains the predictive score now, then rescores open leads with it. */
export const POST = withApi(contracts.trainPredictiveModel, async ({ reply }) => {
  const db = await getDb();
  const now = appNow();
  const data = await trainPredictiveModel(db, { now });
  if (data.status === "ready") await scorePredictions(db, now);
  return reply(200, { data });
});
