import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { thresholdQuerySchema } from "@/lib/predict/schemas";
import { thresholdRecommendation } from "@/lib/thresholds/backtest";

/** The recommended MQL threshold for a target rate and the reps' capacity, backtested on past handoffs. */
export const GET = withApi({ permission: "reports:read", scope: "reports:read", query: thresholdQuerySchema }, async ({ query }) => {
  const data = await thresholdRecommendation(await getDb(), { now: appNow(), ...query });
  return Response.json({ data });
});
