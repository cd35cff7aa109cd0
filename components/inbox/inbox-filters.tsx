"use client";

import { useTranslations } from "next-intl";
import type { RepLoad } from "@/lib/client/queries/inbox";
import type { InboxFilter } from "./use-inbox";

/** A manager narrows the list to a rep or to breaches; anyone may show the predictive score. */
export function InboxFilters({
  managing,
  filter,
  onFilter,
  reps,
  showPrediction,
  onShowPrediction,
}: {
  managing: boolean;
  filter: InboxFilter;
  onFilter: (filter: InboxFilter) => void;
  reps: RepLoad[];
  showPrediction: boolean;
  onShowPrediction: (show: boolean) => void;
}) {
  const t = useTranslations("inbox");
  return (
    <div
      className="mb-4 flex flex-wrap items-center gap-3"
      role="group"
      aria-label={t("filters.label")}
    >
      {managing && (
        <>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            {t("filters.rep")}
            <select
              className="min-h-9 rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
              value={filter.repId ?? ""}
              onChange={(e) => onFilter({ ...filter, repId: e.target.value || null })}
              data-testid="rep-filter"
            >
              <option value="">{t("filters.everyone")}</option>
              <option value="unassigned">{t("filters.unassigned")}</option>
              {reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {t("filters.repOption", { name: r.name, open: r.open, capacity: r.capacity })}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 text-brand-600"
              checked={filter.breached}
              onChange={(e) => onFilter({ ...filter, breached: e.target.checked })}
              data-testid="breached-filter"
            />
            {t("filters.breached")}
          </label>
        </>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300 text-brand-600"
          checked={showPrediction}
          onChange={(e) => onShowPrediction(e.target.checked)}
          data-testid="prediction-toggle"
        />
        {t("filters.prediction")}
      </label>
    </div>
  );
}
