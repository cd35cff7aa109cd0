import { getDb } from "@/db/client";
import { jobView, mayRead } from "@/lib/jobs/job-view";
import { getJob } from "@/lib/jobs/queue";
import { getJob as contract } from "@/lib/http/contracts/jobs";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const GET = withApi(contract, async ({ principal, params, reply }) => {
  const job = await getJob(await getDb(), params.id);
  if (!job || !mayRead(principal, job))
    throw new AppError("not_found", "No job with this id is visible to you.");
  return reply(200, { data: jobView(job) });
});
