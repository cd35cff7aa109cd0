import { getDb } from "@/db/client";
import { getPredictiveSummary } from "@/lib/domain/predict/train";
import * as contracts from "@/lib/http/contracts/reports";
import { principalName } from "@/lib/http/principal-name";
import { preferredWaitMs } from "@/lib/http/prefer-wait";
import { withApi } from "@/lib/http/with-api";
import { predictTrainJob } from "@/lib/jobs/definitions/predict-train";
import { enqueue, waitForJob } from "@/lib/jobs/queue";
import { AppError } from "@/lib/shared/errors";

/** Queues training (and the rescoring of open leads) in a worker; waits for it if asked to. */
export const POST = withApi(contracts.trainPredictiveModel, async ({ request, principal, reply }) => {
  const db = await getDb();
  const jobId = await enqueue(db, predictTrainJob, {}, { requestedBy: principalName(principal) });
  const job = await waitForJob(db, jobId, preferredWaitMs(request));
  if (job?.state === "failed")
    throw new AppError("unprocessable", `Training failed: ${job.error ?? "unknown error"}`);
  const summary = job?.state === "done" ? await getPredictiveSummary(db) : null;
  return summary ? reply(200, { data: summary }) : reply(202, { data: { jobId } });
});
