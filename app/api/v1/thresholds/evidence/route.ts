import { getDb } from "@/db/client";
import { getThresholdEvidence as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";
import { thresholdEvidence } from "@/lib/domain/thresholds/analysis";

/** The threshold designer's evidence: current scores, and past handoffs backtested under the draft (or live) model. */
export const GET = withApi(contract, async ({ query, reply }) => {
  return reply(200, {
    data: await thresholdEvidence(await getDb(), appNow(), query.model ?? "draft"),
  });
});
