"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { icons } from "@/components/ui/icons";
import { JobProgress } from "@/components/ui/job-progress";
import {
  cancelImport,
  failedRowsHref,
  importFinished,
  importQueries,
  type ImportView,
} from "@/lib/client/queries/imports";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { RowErrors } from "./row-errors";

const COUNTS = ["created", "updated", "skipped", "failed"] as const;

/** A dry run or an import as it runs: progress, counts, bad rows, cancel, failed rows. */
export function RunPanel({
  id,
  onImport,
  compact = false,
}: {
  id: string;
  onImport?: () => void;
  /** Only the bar and the counts (a dry run once its import has started: the import tells the rest). */
  compact?: boolean;
}) {
  const t = useTranslations("import.run");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const query = useQuery(importQueries.one(id));
  const cancel = useMutation({
    mutationFn: () => cancelImport(id),
    onSuccess: (run) => client.setQueryData(importQueries.one(id).queryKey, run),
  });
  const run: ImportView | undefined = query.data;
  if (query.error)
    return (
      <p role="alert" className="text-sm text-rose-700">
        {errorText(query.error)}
      </p>
    );
  if (!run) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  const finished = importFinished(run);
  const label = run.dryRun ? t("dryRunLabel") : t("importLabel");
  return (
    <div
      className="space-y-4"
      data-testid={run.dryRun ? "dry-run" : "import-run"}
      data-state={run.state}
    >
      <JobProgress
        job={{ state: run.state, progress: { ...run.progress, phase: null }, error: run.error }}
        label={label}
      />
      {!finished && (
        <Button
          variant="secondary"
          onClick={() => cancel.mutate()}
          disabled={cancel.isPending}
          data-testid="import-cancel"
        >
          {t("cancel")}
        </Button>
      )}
      {cancel.error && (
        <p role="alert" className="text-sm text-rose-700">
          {errorText(cancel.error)}
        </p>
      )}
      {run.state === "cancelled" && (
        <p role="status" className="text-sm text-amber-800" data-testid="import-cancelled">
          {t("cancelled")}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-counts">
        {COUNTS.map((c) => (
          <div key={c} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t(`${run.dryRun ? "would" : "did"}.${c}`)}</dt>
            <dd
              className="text-lg font-semibold tabular-nums text-slate-900"
              data-testid={`count-${c}`}
            >
              {run.counts[c].toLocaleString()}
            </dd>
          </div>
        ))}
      </dl>
      {run.outcomes.created + run.outcomes.skipped > 0 && (
        <p className="text-sm text-slate-700">
          {t("outcomes", { created: run.outcomes.created, skipped: run.outcomes.skipped })}
        </p>
      )}
      {run.notes.map((n) => (
        <p
          key={n}
          className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-sky-200"
        >
          {n}
        </p>
      ))}
      {!compact && <RowErrors errors={run.errors} total={run.errorCount} />}
      <div className="flex flex-wrap gap-2">
        {finished && run.errorCount > 0 && !compact && (
          <a
            href={run.failedCsv ?? failedRowsHref(run.id)}
            download
            className={buttonClass("secondary")}
            data-testid="download-failed"
          >
            <icons.download width={16} height={16} aria-hidden />
            {t("downloadFailed", { count: run.errorCount })}
          </a>
        )}
        {finished && run.dryRun && run.state === "done" && onImport && (
          <Button onClick={onImport} data-testid="import-start">
            {run.counts.failed > 0 ? t("importGoodRows") : t("importNow")}
          </Button>
        )}
      </div>
      {finished && !run.dryRun && run.state === "done" && (
        <p role="status" className="text-sm font-medium text-emerald-700" data-testid="import-done">
          {t("done")}
        </p>
      )}
    </div>
  );
}
