"use client";

/** The dashboards' writes: the report settings, training the predictive score, suggestions into the draft. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isFinished, jobQueries } from "@/lib/client/queries/jobs";
import {
  applyToDraft,
  recalibrationQueries,
  reportQueries,
  saveReportSettings,
  trainPredictive,
} from "@/lib/client/queries/reports";
import { scoringQueries } from "@/lib/client/queries/scoring";

/** New settings change every report's target: all of them are fetched again. */
export function useSaveReportSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveReportSettings,
    onSuccess: (data) => {
      client.setQueryData(reportQueries.settings().queryKey, data);
      void client.invalidateQueries({ queryKey: reportQueries.all });
    },
  });
}

/**
 * Training runs as a job: a quick run answers with the model at once; a long one answers with its
 * job, followed until it ends (`job`), then the model is read again.
 */
export function useTrain() {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: trainPredictive,
    onSuccess: (answer) => {
      if ("summary" in answer)
        client.setQueryData(recalibrationQueries.predictive().queryKey, answer.summary);
      else setJobId(answer.jobId);
    },
  });
  const job = useQuery(jobQueries.one(jobId));
  const finished = isFinished(job.data);
  useEffect(() => {
    if (!finished) return;
    void client.invalidateQueries({ queryKey: recalibrationQueries.predictive().queryKey });
  }, [finished, client]);
  const running = mutation.isPending || (jobId !== null && !finished);
  return {
    ...mutation,
    running,
    job: jobId !== null && !finished ? job.data : undefined,
    jobFailed: job.data?.state === "failed" ? job.data : undefined,
  };
}

/** The draft changed on the server: the editor and the designer must not write back a stale copy. */
export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: applyToDraft,
    onSuccess: () => client.invalidateQueries({ queryKey: scoringQueries.draft().queryKey }),
  });
}
