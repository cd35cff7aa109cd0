"use client";

/**
 * The background work of the last hours, for admins and managers: what ran, how far it got, what
 * failed and why, and what waits for a retry. Running jobs show their progress bar.
 */
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { JobProgress } from "@/components/ui/job-progress";
import { recentJobs, type JobView } from "@/lib/client/queries/jobs";
import { useApiErrorText } from "@/lib/client/use-api-error";

const TONES: Record<JobView["state"], BadgeTone> = {
  queued: "slate",
  running: "blue",
  done: "green",
  failed: "red",
  cancelled: "amber",
};

export function JobsPanel() {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const [failedOnly, setFailedOnly] = useState(false);
  const jobs = useQuery(recentJobs(failedOnly ? "failed" : undefined));
  const name = (job: JobView) => (t.has(`names.${job.name}`) ? t(`names.${job.name}`) : job.name);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" }) : "—";
  return (
    <Card aria-labelledby="jobs-heading">
      <CardHeader id="jobs-heading" title={t("title")} />
      <div className="space-y-4 px-4 py-4 sm:px-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <label className="inline-flex min-h-8 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300"
              checked={failedOnly}
              onChange={(e) => setFailedOnly(e.target.checked)}
            />
            {t("failedOnly")}
          </label>
        </div>
        {jobs.isError && (
          <p role="alert" className="text-sm text-rose-700">
            {errorText(jobs.error)}
          </p>
        )}
        {jobs.isLoading && <p className="text-sm text-slate-600">{t("loading")}</p>}
        {jobs.data?.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
        <ul className="divide-y divide-slate-100" data-testid="jobs-list">
          {jobs.data?.map((job) => (
            <li key={job.id} className="space-y-2 py-3">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span className="font-medium text-slate-900">{name(job)}</span>
                <Badge tone={TONES[job.state]}>{t(`states.${job.state}`)}</Badge>
                <span className="text-slate-600">
                  {t("attempts", { attempts: job.attempts, max: job.maxAttempts })}
                </span>
                <span className="text-slate-600">
                  {when(job.finishedAt ?? job.startedAt ?? job.createdAt)}
                </span>
                {job.requestedBy && (
                  <span className="text-slate-600">
                    {t("requestedBy", { who: job.requestedBy })}
                  </span>
                )}
              </div>
              {job.state === "running" && <JobProgress job={job} label={name(job)} />}
              {job.error && (
                <p className="text-xs break-words text-rose-700">
                  {job.state === "queued"
                    ? t("retryingAfter", { error: job.error, at: when(job.runAt) })
                    : job.error}
                </p>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
