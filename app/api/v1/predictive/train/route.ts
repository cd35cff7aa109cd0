import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { scorePredictions } from "@/lib/domain/predict/score";
import { trainPredictiveModel } from "@/lib/domain/predict/train";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** Trains the predictive score now, then rescores open leads with it. */
export const POST = withApi({ permission: "reports:write" }, async ({ principal }) => {
  sessionUser(principal);
  const db = await getDb();
  const now = appNow();
  const data = await trainPredictiveModel(db, { now });
  if (data.status === "ready") await scorePredictions(db, now);
  return Response.json({ data });
});
