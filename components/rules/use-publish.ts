"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, callData } from "@/lib/client/api";
import { isFinished, jobQueries, type JobView } from "@/lib/client/queries/jobs";
import { publishDraft, scoringQueries, type Published } from "@/lib/client/queries/scoring";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown when the publish job failed after its retries: the old version is still live. */
export class PublishFailed extends Error {
  constructor(readonly job: JobView) {
    super(job.error ?? "failed");
  }
}

/**
 * A publish runs as a job: the request answers with it at once, and the job is followed until the
 * new version is live — `job` for the progress bar (leads rescored / total) meanwhile, then
 * `onPublished` gets what it did. The editor stays usable; the live model scores until the swap.
 */
export function usePublish(onPublished: (result: Published) => void) {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (note: string): Promise<Published> => {
      setJobId(null);
      const answer = await publishDraft(note);
      if (!("jobId" in answer)) return answer;
      setJobId(answer.jobId);
      for (;;) {
        await sleep(500);
        const job = await callData(
          api.GET("/api/v1/jobs/{id}", { params: { path: { id: answer.jobId } } }),
        );
        if (job.state === "done") return job.result as Published;
        if (isFinished(job)) throw new PublishFailed(job);
      }
    },
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: scoringQueries.all });
      onPublished(result);
    },
  });
  const job = useQuery(jobQueries.one(mutation.isPending ? jobId : null));
  const failed = mutation.error instanceof PublishFailed ? mutation.error.job : undefined;
  return {
    start: (note: string) => mutation.mutate(note),
    running: mutation.isPending,
    /** The job while it runs (for the progress bar). */
    job: mutation.isPending ? job.data : undefined,
    /** The job that failed after its retries (the old version stays live), with its error. */
    failed,
    /** The request refused (invalid draft, another publish under way…). */
    error: failed ? null : mutation.error,
  };
}

export type PublishState = ReturnType<typeof usePublish>;
