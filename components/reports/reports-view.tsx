"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ReportSettings } from "@/lib/client/queries/reports";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { CalibrationPanel } from "./calibration-panel";
import { FunnelPanel } from "./funnel-panel";
import { HistoryExports } from "./history-exports";
import { PredictivePanel } from "./predictive-panel";
import { ReasonsPanel } from "./reasons-panel";
import { ReportFilters, type Option } from "./report-filters";
import { RulesPanel } from "./rules-panel";
import { SlaPanel } from "./sla-panel";
import { ThresholdAssistant } from "./threshold-assistant";
import { filterParams, filterQuery, type Filters } from "./filters";
import { readSearch, TABS, type Tab } from "./report-defaults";

export type ReportsPermissions = { canWrite: boolean; canDraft: boolean };

/** The manager's dashboards: one filter bar, one tab per question, all state in the URL. */
export function ReportsView({
  teams,
  reps,
  settings,
  today,
  permissions,
}: {
  teams: Option[];
  reps: Option[];
  settings: ReportSettings;
  today: string;
  permissions: ReportsPermissions;
}) {
  const t = useTranslations("reports");
  const appLocale = useLocale();
  const locale = isLocale(appLocale) ? appLocale : DEFAULT_LOCALE;
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const fromUrl = readSearch(search);
  // The filters as last chosen: a second change made before the address has caught up with the
  // first (a period, then a team) builds on the first instead of the address's older state.
  // Once the address shows the last choice it leads again (the back button, a link).
  const urlKey = search.toString();
  const [chosen, setChosen] = useState({ key: urlKey, pending: false, ...fromUrl });
  if (chosen.pending) {
    if (urlKey === chosen.key) setChosen({ ...chosen, pending: false });
  } else if (urlKey !== chosen.key) setChosen({ key: urlKey, pending: false, ...fromUrl });
  const { tab, filters } = chosen;
  const [target, setTarget] = useState<OutcomeTarget>(settings.targetStage);
  const navigate = (next: Filters, nextTab: Tab = tab) => {
    const params = filterParams(next);
    if (next.grain === "week") params.delete("grain");
    if (nextTab !== "funnel") params.set("tab", nextTab);
    setChosen({ key: params.toString(), pending: true, tab: nextTab, filters: next });
    router.replace(`${pathname}?${params}`, { scroll: false });
  };
  const valid = !(filters.from && filters.to && filters.from > filters.to);
  const query = filterQuery(valid ? filters : { ...filters, from: "", to: "" });

  return (
    <>
      <ReportFilters
        filters={filters}
        onChange={(f) => navigate(f)}
        teams={teams}
        reps={reps}
        today={today}
      />
      <div
        role="tablist"
        aria-label={t("tabsLabel")}
        className="-mx-1 mb-5 flex gap-1 overflow-x-auto px-1 pb-1"
      >
        {TABS.map((key) => (
          <button
            key={key}
            role="tab"
            type="button"
            id={`tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`panel-${key}`}
            onClick={() => navigate(filters, key)}
            className={cn(
              "min-h-10 shrink-0 rounded-md px-3 text-sm font-medium whitespace-nowrap",
              tab === key
                ? "bg-brand-600 text-white"
                : "text-slate-700 ring-1 ring-slate-200 ring-inset hover:bg-white",
            )}
            data-testid={`tab-${key}`}
          >
            {t(`tabs.${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "funnel" && <FunnelPanel filters={query} canWrite={permissions.canWrite} />}
        {tab === "calibration" && (
          <CalibrationPanel filters={query} target={target} onTarget={setTarget} />
        )}
        {tab === "rules" && <RulesPanel filters={query} target={target} onTarget={setTarget} />}
        {tab === "sla" && <SlaPanel filters={query} />}
        {tab === "reasons" && <ReasonsPanel filters={query} locale={locale} />}
        {tab === "recalibration" && (
          <div className="space-y-5">
            <ThresholdAssistant
              defaults={{ target: settings.targetStage, rate: settings.targetRate }}
              canDraft={permissions.canDraft}
            />
            <PredictivePanel canTrain={permissions.canWrite} canDraft={permissions.canDraft} />
          </div>
        )}
      </div>
      <HistoryExports from={query.from ?? ""} to={query.to ?? ""} />
    </>
  );
}
