import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { scorePredictions } from "@/lib/predict/score";
import { trainPredictiveModel } from "@/lib/predict/train";
import { sessionUser } from "@/lib/teams/session-user";

/** Trains the predictive score now, then rescores open leads with it. */
export const POST = withApi({ permission: "reports:write" }, async ({ principal }) => {
  sessionUser(principal);
  const db = await getDb();
  const now = appNow();
  const data = await trainPredictiveModel(db, { now });
  if (data.status === "ready") await scorePredictions(db, now);
  return Response.json({ data });
});
