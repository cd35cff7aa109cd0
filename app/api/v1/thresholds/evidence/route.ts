import { getDb } from "@/db/client";
import { getThresholdEvidence as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { thresholdEvidence } from "@/lib/domain/thresholds/analysis";

/** The threshold designer's evidence: current scores, 12 weeks of replayed crossings, past handoffs and their outcomes. */
export const GET = withApi(contract, async ({ reply }) => {
  return reply(200, { data: await thresholdEvidence(await getDb()) });
});
