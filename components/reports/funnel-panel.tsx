"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FunnelReport, Split } from "@/lib/domain/reports/types";
import { ChartFrame } from "./chart-frame";
import { FunnelCohorts } from "./funnel-cohorts";
import { FunnelSplit } from "./funnel-split";
import { TARGET_KEY } from "./funnel-stages";
import { FunnelTotals } from "./funnel-totals";
import { useReport } from "./use-reports";

export function FunnelPanel({ params, canWrite }: { params: URLSearchParams; canWrite: boolean }) {
  const t = useTranslations("reports.funnel");
  const [split, setSplit] = useState<Split>("source");
  const withSplit = new URLSearchParams([...params, ["split", split]]);
  const { data, isLoading, isFetching, error } = useReport<FunnelReport>("funnel", withSplit);
  const grain = (params.get("grain") as "week" | "month") ?? "week";

  if (!data) return <ChartFrame id="funnel" title={t("title")} loading={isLoading} error={error} />;
  const targetKey = TARGET_KEY[data.target.stage];

  return (
    <div className="space-y-5">
      <FunnelTotals
        data={data}
        targetKey={targetKey}
        params={withSplit}
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
