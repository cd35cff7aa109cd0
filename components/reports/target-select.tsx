"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import type { ReportFilters } from "@/lib/client/queries/reports";
import { OUTCOME_TARGETS, type OutcomeTarget } from "@/lib/shared/vocabulary";

/** Which outcome counts as converted: accepted, qualified, opportunity or won. */
export function TargetSelect({
  value,
  onChange,
  id,
}: {
  value: OutcomeTarget;
  onChange: (t: OutcomeTarget) => void;
  id: string;
}) {
  const t = useTranslations("reports");
  return (
    <label className="flex max-w-xs items-center gap-2 text-sm text-slate-700" htmlFor={id}>
      <span className="shrink-0">{t("convertedMeans")}</span>
      <Select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as OutcomeTarget)}
        data-testid={id}
      >
        {OUTCOME_TARGETS.map((s) => (
          <option key={s} value={s}>
            {t(`stages.${s}`)}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** What a report panel with its own "converted means" choice receives. */
export type TargetPanelProps = {
  filters: ReportFilters;
  target: OutcomeTarget;
  onTarget: (t: OutcomeTarget) => void;
};
