"use client";

/**
 * While past handoffs are not yet analysed under the live model (after a publish), the rules
 * report starts that analysis as a job, shows its progress, and reloads itself when it is done.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { JobProgress } from "@/components/ui/job-progress";
import { isFinished, jobQueries } from "@/lib/client/queries/jobs";
import { analyseRuleHits, reportQueries } from "@/lib/client/queries/reports";

export function RulesAnalysis({ pending }: { pending: number }) {
  const t = useTranslations("reports.rules");
  const client = useQueryClient();
  const start = useMutation({ mutationFn: analyseRuleHits });
  const { mutate, data: jobId, isIdle } = start;
  useEffect(() => {
    if (pending > 0 && isIdle) mutate();
  }, [pending, isIdle, mutate]);
  const { data: job } = useQuery(jobQueries.one(jobId ?? null));
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: [...reportQueries.all, "rules"] });
  }, [finished, client]);
  if (pending === 0) return null;
  return (
    <div data-testid="rules-analysis">
      <JobProgress job={job} label={t("pending", { count: pending })} />
    </div>
  );
}
