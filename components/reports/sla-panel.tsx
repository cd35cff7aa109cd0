"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  reportCsvHref,
  reportQueries,
  type ReportFilters,
  type SlaReport,
  type SlaRow,
} from "@/lib/client/queries/reports";
import { ChartFrame, DataTable, Kpi } from "./chart-frame";
import { useFormat } from "./format";

/** SLA compliance per rep and team, time to first touch, breaches over time. */
export function SlaPanel({ filters }: { filters: ReportFilters }) {
  const t = useTranslations("reports.sla");
  const f = useFormat();
  // The filters carry `grain`, outside the SLA report's contract: the server ignores it.
  const { data, isLoading, isFetching, error } = useQuery(reportQueries.sla(filters));
  const table = (rows: SlaRow[], testId: string, first: string) => (
    <DataTable
      testId={testId}
      head={[
        first,
        t("clocks"),
        t("met"),
        t("breached"),
        t("open"),
        t("compliance"),
        t("median"),
        t("p90"),
      ]}
      rows={rows.map((r) => [
        r.label,
        f.n(r.clocks),
        f.n(r.met),
        f.n(r.breached),
        f.n(r.open),
        f.pct(r.compliance),
        f.minutes(r.medianMinutes),
        f.minutes(r.p90Minutes),
      ])}
    />
  );
  const o = data?.overall;
  const bucketLabel = (d: SlaReport["distribution"][number]) =>
    d.maxMinutes === null
      ? `≥ ${f.minutes(d.minMinutes)}`
      : `${f.minutes(d.minMinutes)} – ${f.minutes(d.maxMinutes)}`;
  const tone = (c: number | null | undefined) =>
    c === null || c === undefined ? "slate" : c >= 0.9 ? "green" : c >= 0.7 ? "amber" : "red";
  return (
    <div className="space-y-5">
      <ChartFrame
        id="sla"
        testId="sla-panel"
        title={t("title")}
        loading={isLoading || isFetching}
        error={error}
        csvHref={reportCsvHref("sla", filters)}
        table={data && table(data.reps, "sla-reps", t("rep"))}
      >
        {o && (
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Kpi
              label={t("compliance")}
              value={f.pct(o.compliance)}
              tone={tone(o.compliance)}
              testId="sla-compliance"
              hint={t("metOf", { met: o.met, total: o.met + o.breached })}
            />
            <Kpi label={t("median")} value={f.minutes(o.medianMinutes)} />
            <Kpi label={t("p90")} value={f.minutes(o.p90Minutes)} />
            <Kpi
              label={t("breached")}
              value={f.n(o.breached)}
              tone={o.breached ? "red" : "slate"}
            />
          </div>
        )}
        <p className="rounded-md bg-sky-50 px-3 py-2 text-xs text-sky-900 ring-1 ring-sky-200">
          {t("research")}
        </p>
        {data && data.reps.length > 0 && (
          <figure className="min-w-0">
            <figcaption className="mb-1 text-xs font-medium text-slate-600">
              {t("perRep")}
            </figcaption>
            <div
              role="img"
              aria-label={t("perRep")}
              style={{ height: Math.max(140, data.reps.length * 24 + 40) }}
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  accessibilityLayer={false}
                  data={data.reps}
                  layout="vertical"
                  margin={{ left: 8, right: 24 }}
                >
                  <XAxis
                    type="number"
                    domain={[0, 1]}
                    tickFormatter={(v) => f.pct(Number(v))}
                    tick={{ fontSize: 11 }}
                  />
                  <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} />
                  <Tooltip formatter={(v) => f.pct(Number(v))} />
                  <Bar
                    dataKey="compliance"
                    name={t("compliance")}
                    fill="#059669"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
        )}
      </ChartFrame>
      <div className="grid gap-5 lg:grid-cols-2">
        <ChartFrame
          id="first-touch"
          title={t("distributionTitle")}
          chart={
            data && (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  accessibilityLayer={false}
                  data={data.distribution.map((d) => ({ ...d, label: bucketLabel(d) }))}
                >
                  <CartesianGrid stroke="#e2e8f0" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                  <YAxis tick={{ fontSize: 11 }} width={40} />
                  <Tooltip formatter={(v) => f.n(Number(v))} />
                  <Bar
                    dataKey="touches"
                    name={t("leads")}
                    fill="#4f5bd5"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            )
          }
          table={
            data && (
              <DataTable
                head={[t("delay"), t("leads")]}
                rows={data.distribution.map((d) => [bucketLabel(d), f.n(d.touches)])}
              />
            )
          }
        />
        <ChartFrame
          id="breaches"
          title={t("breachesTitle")}
          chart={
            data && (
              <ResponsiveContainer width="100%" height="100%">
                <LineChart
                  accessibilityLayer={false}
                  data={data.breachesByWeek.map((w) => ({ ...w, label: f.cohort(w.week, "week") }))}
                >
                  <CartesianGrid stroke="#e2e8f0" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
                  <YAxis tick={{ fontSize: 11 }} width={32} allowDecimals={false} />
                  <Tooltip />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Line
                    dataKey="firstTouch"
                    name={t("firstTouchBreaches")}
                    stroke="#e11d48"
                    dot={false}
                    isAnimationActive={false}
                  />
                  <Line
                    dataKey="touches"
                    name={t("touchBreaches")}
                    stroke="#d97706"
                    dot={false}
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            )
          }
          table={
            data && (
              <DataTable
                head={[t("week"), t("firstTouchBreaches"), t("touchBreaches")]}
                rows={data.breachesByWeek.map((w) => [
                  f.cohort(w.week, "week"),
                  f.n(w.firstTouch),
                  f.n(w.touches),
                ])}
              />
            )
          }
        />
      </div>
      {data && data.teams.length > 0 && (
        <ChartFrame id="sla-teams" title={t("teamsTitle")}>
          {table(data.teams, "sla-teams", t("team"))}
        </ChartFrame>
      )}
    </div>
  );
}
