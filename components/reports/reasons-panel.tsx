"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { reportCsvHref, reportQueries, type ReportFilters } from "@/lib/client/queries/reports";
import type { Locale } from "@/lib/i18n/locales";
import { ChartFrame, DataTable } from "./chart-frame";
import { useFormat } from "./format";

const COLORS = [
  "#4f5bd5",
  "#059669",
  "#d97706",
  "#e11d48",
  "#0891b2",
  "#7c3aed",
  "#65a30d",
  "#db2777",
  "#475569",
  "#ea580c",
];

/** Rejection and disqualification reasons per period, stacked; a spike of one reason is called out. */
export function ReasonsPanel({ filters, locale }: { filters: ReportFilters; locale: Locale }) {
  const t = useTranslations("reports.reasons");
  const tr = useTranslations("reports");
  const f = useFormat();
  const query = { ...filters, locale };
  const { data, isLoading, isFetching, error } = useQuery(reportQueries.reasons(query));
  const grain = data?.grain ?? "week";
  const chartData = (data?.periods ?? []).map((p, i) => ({
    label: f.cohort(p, grain),
    ...Object.fromEntries((data?.reasons ?? []).map((r) => [`${r.kind}:${r.code}`, r.counts[i]])),
  }));
  const spikes = (data?.reasons ?? []).filter((r) => r.spike);
  const total = (data?.reasons ?? []).reduce((sum, r) => sum + r.total, 0);
  return (
    <ChartFrame
      id="reasons"
      testId="reasons-panel"
      title={t("title")}
      loading={isLoading || isFetching}
      error={error}
      csvHref={reportCsvHref("reasons", query)}
      chart={
        data && total > 0 ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={chartData}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis tick={{ fontSize: 11 }} width={32} allowDecimals={false} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {data.reasons.map((r, i) => (
                <Bar
                  key={`${r.kind}:${r.code}`}
                  dataKey={`${r.kind}:${r.code}`}
                  name={`${t(r.kind)} · ${r.label}`}
                  stackId={r.kind}
                  fill={COLORS[i % COLORS.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : undefined
      }
      table={
        data && (
          <DataTable
            testId="reasons-table"
            head={[t("reason"), ...data.periods.map((p) => f.cohort(p, grain)), t("total")]}
            rows={data.reasons.map((r) => [
              `${t(r.kind)} · ${r.label}`,
              ...r.counts.map((c) => f.n(c)),
              f.n(r.total),
            ])}
          />
        )
      }
    >
      {data && total === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      {spikes.length > 0 && (
        // Announced as a whole; the list itself holds only list items (axe: list).
        <div role="status">
          <ul className="space-y-1" data-testid="reason-spikes">
            {spikes.map((r) => (
              <li
                key={`${r.kind}:${r.code}`}
                className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
              >
                {t("spike", {
                  reason: r.label,
                  kind: t(r.kind),
                  period: f.cohort(r.spike!.period, grain),
                  count: r.spike!.count,
                  expected: f.dec(r.spike!.expected),
                  grain: tr(`grain.${grain}`),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartFrame>
  );
}
