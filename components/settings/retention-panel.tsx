"use client";

/**
 * Settings → Privacy: "delete events older than N months" (off by default), saved for the daily
 * retention job, which can also be run now with its progress shown. Self-contained (it reads and
 * saves through the API), so it can move to any section of Settings.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { JobProgress } from "@/components/ui/job-progress";
import { ApiError } from "@/lib/client/api";
import { jobQueries } from "@/lib/client/queries/jobs";
import { retentionQueries, runRetention, saveRetention } from "@/lib/client/queries/privacy";
import { useApiErrorText } from "@/lib/client/use-api-error";

export function RetentionPanel() {
  const t = useTranslations("settings.retention");
  const client = useQueryClient();
  const errorText = useApiErrorText();
  const setting = useQuery(retentionQueries.setting());
  const monthsId = useId();
  const onId = useId();
  const [draft, setDraft] = useState<{ on: boolean; months: string } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery(jobQueries.one(jobId));
  const saved = setting.data?.eventRetentionMonths ?? null;
  const form = draft ?? { on: saved !== null, months: String(saved ?? 24) };
  const save = useMutation({
    mutationFn: () => saveRetention(form.on ? Number(form.months) : null),
    onSuccess: (data) => {
      client.setQueryData(retentionQueries.all, data);
      setDraft(null);
    },
  });
  const run = useMutation({ mutationFn: runRetention, onSuccess: (data) => setJobId(data.jobId) });
  const fieldError =
    save.error instanceof ApiError ? save.error.fields?.eventRetentionMonths?.[0] : undefined;
  return (
    <Card aria-labelledby="retention-heading" data-testid="retention-panel">
      <CardHeader id="retention-heading" title={t("title")} />
      <form
        className="space-y-4 px-4 py-4 sm:px-5"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <p className="text-sm text-slate-600">{t("intro")}</p>
        {setting.isPending ? (
          <p className="text-sm text-slate-500">{t("loading")}</p>
        ) : (
          <div className="flex flex-wrap items-end gap-4">
            <label htmlFor={onId} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input
                id={onId}
                type="checkbox"
                className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
                checked={form.on}
                onChange={(e) => setDraft({ ...form, on: e.target.checked })}
              />
              {t("enable")}
            </label>
            <Field id={monthsId} label={t("months")} error={fieldError} className="w-40">
              <Input
                id={monthsId}
                type="number"
                inputMode="numeric"
                min={1}
                max={120}
                value={form.months}
                disabled={!form.on}
                aria-invalid={fieldError ? true : undefined}
                onChange={(e) => setDraft({ ...form, months: e.target.value })}
              />
            </Field>
            <Button type="submit" disabled={save.isPending || draft === null}>
              {save.isPending ? t("saving") : t("save")}
            </Button>
          </div>
        )}
        <p className="text-sm text-slate-700" role="status" data-testid="retention-status">
          {saved === null ? t("off") : t("on", { months: saved })}
        </p>
        {save.isError && !fieldError && (
          <p role="alert" className="text-sm text-rose-700">
            {errorText(save.error)}
          </p>
        )}
        <div className="space-y-2 border-t border-slate-100 pt-4">
          <Button
            variant="secondary"
            disabled={saved === null || run.isPending}
            onClick={() => run.mutate()}
          >
            {t("runNow")}
          </Button>
          {jobId && <JobProgress job={job.data} label={t("progress")} />}
          {job.data?.state === "done" && (
            <p className="text-sm text-slate-700" role="status">
              {t("done", { count: Number(job.data.result?.deleted ?? 0) })}
            </p>
          )}
          {run.isError && (
            <p role="alert" className="text-sm text-rose-700">
              {errorText(run.error)}
            </p>
          )}
        </div>
      </form>
    </Card>
  );
}
