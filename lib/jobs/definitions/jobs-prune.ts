import { z } from "zod";
import { defineJob } from "../definition";
import { pruneJobs } from "../prune-jobs";

/** Daily, once per cluster: finished jobs are kept two weeks (failed ones four). */
export const jobsPruneJob = defineJob({
  name: "jobs-prune",
  payload: z.object({}),
  singleton: true,
  schedule: "47 3 * * *",
  timeoutSeconds: 30 * 60,
  readers: { permission: "settings:read" },
  async run({ db }) {
    return pruneJobs(db);
  },
});
