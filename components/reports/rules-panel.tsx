"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { reportCsvHref, reportQueries } from "@/lib/client/queries/reports";
import { useTemplateWords } from "@/lib/client/use-template-words";
import { ChartFrame, DataTable } from "./chart-frame";
import { useFormat } from "./format";
import { RulesAnalysis } from "./rules-analysis";
import { TargetSelect, type TargetPanelProps } from "./target-select";

/** Below this many decided handoffs where a rule fired, its lift is shown but flagged. */
export const SMALL_SAMPLE = 30;

/** For each rule: how often it fired on accepted vs rejected handoffs, and its lift. */
export function RulesPanel({ filters, target, onTarget }: TargetPanelProps) {
  const t = useTranslations("reports.rules");
  const f = useFormat();
  const query = { ...filters, target };
  const { data, isLoading, isFetching, error } = useQuery(reportQueries.rules(query));
  const words = useTemplateWords();
  const rows = (data?.rules ?? [])
    .filter((r) => r.lift !== null)
    .map((r) => ({ ...r, label: words.rule(r.label) }));
  const height = Math.max(160, rows.length * 26 + 40);
  return (
    <ChartFrame
      id="rules"
      testId="rules-panel"
      title={t("title")}
      description={t("description")}
      loading={isLoading || isFetching}
      error={error}
      csvHref={reportCsvHref("rules", query)}
      table={
        data && (
          <DataTable
            testId="rules-table"
            head={[
              t("rule"),
              t("points"),
              t("fired"),
              t("shareAccepted"),
              t("shareRejected"),
              t("lift"),
              t("interval"),
            ]}
            rows={data.rules.map((r) => [
              <span key="l" className={r.fired < SMALL_SAMPLE ? "text-slate-500" : undefined}>
                {words.rule(r.label)}
                {r.fired < SMALL_SAMPLE && (
                  <span className="ml-1 text-xs">({t("smallSample")})</span>
                )}
              </span>,
              f.dec(r.points),
              f.n(r.fired),
              f.pct(r.shareOfAccepted),
              f.pct(r.shareOfRejected),
              r.lift === null ? "—" : `×${f.dec(r.lift)}`,
              r.interval ? `×${f.dec(r.interval.low)} – ×${f.dec(r.interval.high)}` : "—",
            ])}
          />
        )
      }
    >
      <TargetSelect id="rules-target" value={target} onChange={onTarget} />
      {data && (
        <p className="text-xs text-slate-500" data-testid="rules-basis">
          {t("basis", {
            decided: f.n(data.decided),
            converted: f.n(data.converted),
            version: data.modelVersion ?? "—",
          })}
        </p>
      )}
      {data && <RulesAnalysis pending={data.snapshotsPending} />}
      {data && rows.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      {rows.length > 0 && (
        <figure className="min-w-0">
          <div role="img" aria-labelledby="rules-title" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                accessibilityLayer={false}
                data={rows}
                layout="vertical"
                margin={{ left: 8, right: 24 }}
              >
                <CartesianGrid stroke="#e2e8f0" horizontal={false} />
                <XAxis
                  type="number"
                  tickFormatter={(v) => `×${f.dec(Number(v))}`}
                  tick={{ fontSize: 11 }}
                />
                <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v) => `×${f.dec(Number(v))}`} />
                <ReferenceLine x={1} stroke="#64748b" />
                <Bar dataKey="lift" name={t("lift")} isAnimationActive={false}>
                  {rows.map((r) => (
                    <Cell
                      key={r.ruleId}
                      fill={
                        r.fired < SMALL_SAMPLE
                          ? "#cbd5e1"
                          : (r.lift ?? 1) >= 1
                            ? "#4f5bd5"
                            : "#e11d48"
                      }
                    />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      )}
    </ChartFrame>
  );
}
