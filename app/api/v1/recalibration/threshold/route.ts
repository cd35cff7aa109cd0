import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { thresholdQuerySchema } from "@/lib/domain/predict/schemas";
import { thresholdRecommendation } from "@/lib/domain/thresholds/backtest";

/** The recommended MQL threshold for a target rate and the reps' capacity, backtested on past handoffs. */
export const GET = withApi(
  { permission: "reports:read", scope: "reports:read", query: thresholdQuerySchema },
  async ({ query }) => {
    const data = await thresholdRecommendation(await getDb(), { now: appNow(), ...query });
    return Response.json({ data });
  },
);
