"use client";

/** The dashboards' writes: the report settings, training the predictive score, suggestions into the draft. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
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

export function useTrain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: trainPredictive,
    onSuccess: (data) => client.setQueryData(recalibrationQueries.predictive().queryKey, data),
  });
}

/** The draft changed on the server: the editor and the designer must not write back a stale copy. */
export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: applyToDraft,
    onSuccess: () => client.invalidateQueries({ queryKey: scoringQueries.draft().queryKey }),
  });
}
