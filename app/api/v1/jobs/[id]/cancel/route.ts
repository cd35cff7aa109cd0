import { getDb } from "@/db/client";
import { jobView, mayCancel, mayRead } from "@/lib/jobs/job-view";
import { cancelJob, getJob } from "@/lib/jobs/queue";
import { cancelJob as contract } from "@/lib/http/contracts/jobs";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const POST = withApi(contract, async ({ principal, params, reply }) => {
  const db = await getDb();
  const job = await getJob(db, params.id);
  if (!job || !mayRead(principal, job))
    throw new AppError("not_found", "No job with this id is visible to you.");
  if (!mayCancel(principal, job)) throw new AppError("conflict", "This job cannot be cancelled.");
  const after = await cancelJob(db, job.id);
  return reply(200, { data: jobView(after ?? job) });
});
