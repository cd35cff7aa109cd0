import { getDb } from "@/db/client";
import { listJobs as contract } from "@/lib/http/contracts/jobs";
import { withApi } from "@/lib/http/with-api";
import { jobView } from "@/lib/jobs/job-view";
import { listJobs } from "@/lib/jobs/queue";

export const GET = withApi(contract, async ({ query, reply }) =>
  reply(200, { data: (await listJobs(await getDb(), query)).map(jobView) }),
);
