import { getDb } from "@/db/client";
import { thresholdRecommendation } from "@/lib/domain/thresholds/backtest";
import * as contracts from "@/lib/http/contracts/reports";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

/** The recommended MQL threshold for a target rate and the reps' capacity, backtested on past handoffs. */
export const GET = withApi(contracts.getThresholdRecommendation, async ({ query, reply }) =>
  reply(200, { data: await thresholdRecommendation(await getDb(), { now: appNow(), ...query }) }),
);
