"use client";

/**
 * Where a background job stands, for people: a progress bar (done / total once the total is
 * known, an indeterminate bar before), the phase in words, and the error when it failed.
 */
import { useTranslations } from "next-intl";
import type { JobView } from "@/lib/client/queries/jobs";

/** What the bar reads of a job (a job, or anything that runs as one, such as an import). */
export type ProgressOf = {
  state: JobView["state"];
  progress: { done: number | null; total: number | null; phase?: string | null };
  error: string | null;
};

export function JobProgress({ job, label }: { job: ProgressOf | undefined; label: string }) {
  const t = useTranslations("jobs");
  const done = job?.progress.done ?? 0;
  const total = job?.progress.total ?? null;
  const share = total ? Math.min(done / total, 1) : null;
  const phase = job?.progress.phase;
  const phaseText = phase && t.has(`phases.${phase}`) ? t(`phases.${phase}`) : null;
  return (
    <div className="space-y-1" data-testid="job-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="text-slate-600 tabular-nums">
          {job?.state === "failed"
            ? t("failed")
            : job?.state === "queued"
              ? t("queued")
              : total !== null
                ? t("progressOf", { done, total })
                : (phaseText ?? t("starting"))}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total !== null ? done : undefined}
        aria-valuetext={
          total !== null ? t("progressOf", { done, total }) : (phaseText ?? t("starting"))
        }
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full ${job?.state === "failed" ? "bg-rose-500" : "bg-brand-600"} ${share === null ? "w-1/3 animate-pulse" : "transition-[width] duration-300"}`}
          style={share === null ? undefined : { width: `${Math.round(share * 100)}%` }}
        />
      </div>
      {phaseText && total !== null && <p className="text-xs text-slate-600">{phaseText}</p>}
      {job?.state === "failed" && job.error && (
        <p role="alert" className="text-xs text-rose-700">
          {job.error}
        </p>
      )}
    </div>
  );
}
