import { getDb } from "@/db/client";
import * as contracts from "@/lib/http/contracts/reports";
import { withApi } from "@/lib/http/with-api";
import { principalLabel } from "@/lib/auth/principal";
import { mqlSnapshotsJob } from "@/lib/jobs/definitions/mql-snapshots";
import { enqueueUnlessActive } from "@/lib/jobs/queue";

/** Queues the analysis of past handoffs under the live model, or answers the one under way. */
export const POST = withApi(contracts.analyseRuleHits, async ({ principal, reply }) => {
  const jobId = await enqueueUnlessActive(
    await getDb(),
    mqlSnapshotsJob,
    {},
    { requestedBy: principalLabel(principal).label },
  );
  return reply(202, { data: { jobId } });
});
