"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { OUTCOME_TARGETS } from "@/lib/shared/vocabulary";
import { reportQueries, type ReportSettings } from "@/lib/client/queries/reports";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { SmallField } from "./chart-frame";
import { useFormat } from "./format";
import { useSaveReportSettings } from "./use-reports";

/** The agreed target (seed 000: MQL → opportunity ≈ 30 %), editable by managers and admins. */
export function TargetSettings({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("reports.settings");
  const tr = useTranslations("reports");
  const f = useFormat();
  const errorText = useApiErrorText();
  const { data } = useQuery(reportQueries.settings());
  const [editing, setEditing] = useState<ReportSettings | null>(null);
  const save = useSaveReportSettings();
  if (!data) return null;
  if (!editing)
    return (
      <p
        className="flex flex-wrap items-center gap-2 text-xs text-slate-600"
        data-testid="target-settings"
      >
        {t("summary", {
          stage: tr(`stages.${data.targetStage}`),
          rate: f.pct(data.targetRate),
          days: data.outcomeWindowDays,
        })}
        {canWrite && (
          <button
            type="button"
            className="font-medium text-brand-700 hover:underline"
            onClick={() => setEditing(data)}
            data-testid="edit-target"
          >
            {t("edit")}
          </button>
        )}
      </p>
    );
  const ratePct = Math.round(editing.targetRate * 1000) / 10;
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(editing, { onSuccess: () => setEditing(null) });
      }}
      data-testid="target-form"
    >
      <SmallField label={t("stage")}>
        <Select
          value={editing.targetStage}
          onChange={(e) =>
            setEditing({
              ...editing,
              targetStage: e.target.value as ReportSettings["targetStage"],
            })
          }
        >
          {OUTCOME_TARGETS.map((s) => (
            <option key={s} value={s}>
              {tr(`stages.${s}`)}
            </option>
          ))}
        </Select>
      </SmallField>
      <SmallField label={t("rate")}>
        <Input
          type="number"
          min={1}
          max={100}
          step={0.1}
          className="w-24"
          value={ratePct}
          onChange={(e) => setEditing({ ...editing, targetRate: Number(e.target.value) / 100 })}
          data-testid="target-rate"
        />
      </SmallField>
      <SmallField label={t("window")}>
        <Input
          type="number"
          min={7}
          max={730}
          className="w-24"
          value={editing.outcomeWindowDays}
          onChange={(e) => setEditing({ ...editing, outcomeWindowDays: Number(e.target.value) })}
        />
      </SmallField>
      <Button type="submit" disabled={save.isPending} data-testid="save-target">
        {t("save")}
      </Button>
      <Button variant="ghost" onClick={() => setEditing(null)}>
        {t("cancel")}
      </Button>
      {save.error && (
        <p role="alert" className="w-full text-sm text-rose-700">
          {errorText(save.error)}
        </p>
      )}
    </form>
  );
}
