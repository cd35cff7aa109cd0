"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  reportCsvHref,
  reportQueries,
  type CalibrationReport,
  type CalibrationRow,
} from "@/lib/client/queries/reports";
import { ChartFrame, DataTable } from "./chart-frame";
import { useFormat } from "./format";
import { JudgedModelSelect, type JudgedModel } from "./judged-model-select";
import { TargetSelect, type TargetPanelProps } from "./target-select";

const withError = (rows: CalibrationRow[]) =>
  rows.map((r) => ({
    ...r,
    error:
      r.rate !== null && r.interval ? [r.rate - r.interval.low, r.interval.high - r.rate] : [0, 0],
  }));

/**
 * Conversion per score band and per decile, with 95 % intervals: a good model climbs. Past
 * handoffs are scored under the model judged (live, or the draft), as of each handoff.
 */
export function CalibrationPanel({ filters, target, onTarget }: TargetPanelProps) {
  const t = useTranslations("reports.calibration");
  const tr = useTranslations("reports");
  const f = useFormat();
  const [model, setModel] = useState<JudgedModel>("live");
  const query = { ...filters, target, model };
  const { data, isLoading, isFetching, error } = useQuery(reportQueries.calibration(query));
  const decided = data?.bands.reduce((sum, b) => sum + b.decided, 0) ?? 0;
  // Deciles are named here, in the reader's language (the API's label is the number's key).
  const deciles = (data?.deciles ?? []).map((r) => ({ ...r, label: t("decile", { n: r.key }) }));
  // Each pair read with its counts, so a manager sees how much evidence the verdict rests on.
  const pairs = (report: CalibrationReport, list: CalibrationReport["dips"]) =>
    list
      .map((p) => {
        const row = (key: string) => report.bands.find((b) => b.key === key)!;
        const [higher, lower] = [row(p.higher), row(p.lower)];
        return t("pairCounted", {
          higher: higher.label,
          lower: lower.label,
          higherConverted: higher.converted,
          higherDecided: higher.decided,
          lowerConverted: lower.converted,
          lowerDecided: lower.decided,
        });
      })
      .join(" ; ");
  const verdict = (report: CalibrationReport) =>
    !report.monotonic
      ? t("inversions", { pairs: pairs(report, report.inversions) })
      : report.dips.length
        ? t("dips", { pairs: pairs(report, report.dips) })
        : t("monotonic");
  const table = (rows: CalibrationRow[], testId: string) => (
    <DataTable
      testId={testId}
      head={[
        t("group"),
        t("scores"),
        t("handoffs"),
        t("decided"),
        t("converted"),
        t("rate"),
        t("interval"),
      ]}
      rows={rows.map((r) => [
        r.label,
        `${r.minScore === null ? "…" : f.dec(r.minScore)} – ${r.maxScore === null ? "…" : f.dec(r.maxScore)}`,
        f.n(r.handoffs),
        f.n(r.decided),
        f.n(r.converted),
        f.pct(r.rate),
        r.interval ? `${f.pct(r.interval.low)} – ${f.pct(r.interval.high)}` : "—",
      ])}
    />
  );
  const chart = (rows: CalibrationRow[], kind: "bar" | "line") => (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart accessibilityLayer={false} data={withError(rows)}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis
          tickFormatter={(v) => f.pct(Number(v))}
          tick={{ fontSize: 11 }}
          width={48}
          domain={[0, 1]}
        />
        <Tooltip formatter={(v) => (Array.isArray(v) ? "" : f.pct(Number(v)))} />
        {kind === "bar" ? (
          <Bar dataKey="rate" name={t("rate")} fill="#4f5bd5" isAnimationActive={false}>
            <ErrorBar dataKey="error" width={6} stroke="#334155" />
          </Bar>
        ) : (
          <Line
            dataKey="rate"
            name={t("rate")}
            stroke="#4f5bd5"
            strokeWidth={2}
            isAnimationActive={false}
          >
            <ErrorBar dataKey="error" width={4} stroke="#94a3b8" />
          </Line>
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
  return (
    <div className="space-y-5">
      <ChartFrame
        id="calibration"
        testId="calibration-panel"
        title={t("title")}
        description={t("description")}
        loading={isLoading || isFetching}
        error={error}
        csvHref={reportCsvHref("calibration", query)}
        chart={data && decided > 0 ? chart(data.bands, "bar") : undefined}
        table={data ? table(data.bands, "calibration-bands") : undefined}
      >
        <div className="flex flex-wrap items-end gap-3">
          <JudgedModelSelect value={model} onChange={setModel} testId="calibration-model" />
          <TargetSelect id="calibration-target" value={target} onChange={onTarget} />
        </div>
        {data && (
          <p className="text-xs text-slate-500" data-testid="calibration-scored-under">
            {t("scoredUnder", { model: data.model, version: data.version ?? 0 })}
            {data.unrecorded ? ` ${t("unrecorded", { count: data.unrecorded })}` : ""}
          </p>
        )}
        {data && decided === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
        {data && decided > 0 && (
          <p
            role="status"
            data-testid="calibration-verdict"
            className={
              data.monotonic && !data.dips.length
                ? "text-sm text-emerald-700"
                : data.monotonic
                  ? "text-sm text-slate-700"
                  : "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
            }
          >
            {verdict(data)}
          </p>
        )}
        {data?.outcomesSince && (
          <p className="text-xs text-slate-500">
            {tr("outcomesSince", { date: f.date(data.outcomesSince) })}
          </p>
        )}
      </ChartFrame>
      {data && decided > 0 && (
        <ChartFrame
          id="deciles"
          title={t("decilesTitle")}
          description={t("decilesDescription")}
          chart={chart(deciles, "line")}
          table={table(deciles, "calibration-deciles")}
        />
      )}
    </div>
  );
}
