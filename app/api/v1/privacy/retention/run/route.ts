import { getDb } from "@/db/client";
import { runRetention as contract } from "@/lib/http/contracts/privacy";
import { principalName } from "@/lib/http/principal-name";
import { withApi } from "@/lib/http/with-api";
import { privacyRetentionJob } from "@/lib/jobs/definitions/privacy-retention";
import { enqueueUnlessActive } from "@/lib/jobs/queue";

/** Queues the retention job now (one at a time: a run already waiting or running is reused). */
export const POST = withApi(contract, async ({ principal, reply }) => {
  const jobId = await enqueueUnlessActive(
    await getDb(),
    privacyRetentionJob,
    {},
    { requestedBy: principalName(principal) },
  );
  return reply(202, { data: { jobId } });
});
