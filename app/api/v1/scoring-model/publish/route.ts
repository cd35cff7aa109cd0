import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { beginPublish, type PublishResult } from "@/lib/domain/scoring/publish";
import { publishScoringDraft as contract } from "@/lib/http/contracts/scoring";
import { preferredWaitMs } from "@/lib/http/prefer-wait";
import { withApi } from "@/lib/http/with-api";
import { scoringPublishJob } from "@/lib/jobs/definitions/scoring-publish";
import { enqueue, waitForJob } from "@/lib/jobs/queue";
import { AppError } from "@/lib/shared/errors";

/**
 * Stores the draft as a version being published and queues the job that builds and swaps it in;
 * answers 202 with the job, or 200 with the result when the client waits (`Prefer: wait=N`).
 */
export const POST = withApi(contract, async ({ request, body, principal, reply }) => {
  const db = await getDb();
  const by = principalLabel(principal);
  const { version, jobId } = await beginPublish(db, by, body?.note ?? "", (tx, version) =>
    enqueue(tx, scoringPublishJob, { version, by }, { requestedBy: by.label }),
  );
  const job = await waitForJob(db, jobId!, preferredWaitMs(request));
  if (job?.state === "failed")
    throw new AppError("unprocessable", `Publishing failed: ${job.error ?? "unknown error"}`);
  if (job?.state === "done") return reply(200, { data: job.result as PublishResult });
  return reply(202, { data: { jobId: jobId!, version } });
});
