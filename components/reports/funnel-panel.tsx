"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { reportQueries, type ReportFilters } from "@/lib/client/queries/reports";
import type { Split } from "@/lib/domain/reports/types";
import { ChartFrame } from "./chart-frame";
import { FunnelCohorts } from "./funnel-cohorts";
import { FunnelSplit } from "./funnel-split";
import { TARGET_KEY } from "./funnel-stages";
import { FunnelTotals } from "./funnel-totals";
import { FUNNEL_SPLIT } from "./report-defaults";

export function FunnelPanel({ filters, canWrite }: { filters: ReportFilters; canWrite: boolean }) {
  const t = useTranslations("reports.funnel");
  const [split, setSplit] = useState<Split>(FUNNEL_SPLIT);
  const query = { ...filters, split };
  const { data, isLoading, isFetching, error } = useQuery(reportQueries.funnel(query));
  const grain = filters.grain ?? "week";

  if (!data) return <ChartFrame id="funnel" title={t("title")} loading={isLoading} error={error} />;
  const targetKey = TARGET_KEY[data.target.stage];

  return (
    <div className="space-y-5">
      <FunnelTotals
        data={data}
        targetKey={targetKey}
        query={query}
        loading={isFetching}
        error={error}
        canWrite={canWrite}
      />
      <FunnelCohorts data={data} targetKey={targetKey} grain={grain} loading={isFetching} />
      <FunnelSplit
        data={data}
        targetKey={targetKey}
        split={split}
        onSplit={setSplit}
        loading={isFetching}
      />
    </div>
  );
}
