"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import type { ThresholdPoint } from "@/lib/domain/predict/types";
import { ChartFrame, DataTable, DraftResult, Kpi, SmallField } from "./chart-frame";
import { useFormat } from "./format";
import { TargetSelect } from "./target-select";
import { useCreateDraft, useThresholdAssistant } from "./use-reports";

/**
 * For a target conversion and the reps' capacity, the threshold to use, backtested on past
 * handoffs, with the whole curve drawn so the choice is visible — and a button that writes it
 * into the draft (never published from here).
 */
export function ThresholdAssistant({
  defaults,
  canDraft,
}: {
  defaults: { target: OutcomeTarget; rate: number };
  canDraft: boolean;
}) {
  const t = useTranslations("reports.assistant");
  const tr = useTranslations("reports");
  const f = useFormat();
  const [target, setTarget] = useState<OutcomeTarget>(defaults.target);
  const [ratePct, setRatePct] = useState(Math.round(defaults.rate * 1000) / 10);
  const [capacity, setCapacity] = useState<string>("");
  const valid = ratePct > 0 && ratePct <= 100 && (capacity === "" || Number(capacity) > 0);
  const { data, isFetching, error } = useThresholdAssistant(
    valid
      ? { target, rate: ratePct / 100, capacity: capacity === "" ? null : Number(capacity) }
      : null,
  );
  const draft = useCreateDraft();
  const rec = data?.recommended ?? null;
  const cur = data?.current ?? null;
  const stage = tr(`stages.${target}`);
  const change = (a: number, b: number) => (a ? (b - a) / a : null);
  const sign = (v: number | null) =>
    v === null ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${f.pct(Math.abs(v))}`;

  return (
    <ChartFrame
      id="assistant"
      testId="threshold-assistant"
      title={t("title")}
      description={t("description")}
      loading={isFetching}
      error={error}
      chart={
        data && data.curve.length > 0 ? (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data.curve} margin={{ right: 8 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis
                dataKey="threshold"
                type="number"
                domain={["dataMin", "dataMax"]}
                tick={{ fontSize: 11 }}
              />
              <YAxis
                yAxisId="r"
                tickFormatter={(v) => f.pct(Number(v))}
                tick={{ fontSize: 11 }}
                width={48}
                domain={[0, 1]}
              />
              <YAxis yAxisId="v" orientation="right" tick={{ fontSize: 11 }} width={40} />
              <Tooltip
                labelFormatter={(l) => t("thresholdAt", { value: String(l) })}
                formatter={(v, name) =>
                  name === t("rate", { stage }) ? f.pct(Number(v)) : f.dec(Number(v))
                }
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line
                yAxisId="r"
                dataKey="rate"
                name={t("rate", { stage })}
                stroke="#059669"
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
              <Line
                yAxisId="v"
                dataKey="mqlsPerWeek"
                name={t("volume")}
                stroke="#4f5bd5"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
              <ReferenceLine
                yAxisId="r"
                y={data.targetRate}
                stroke="#d97706"
                strokeDasharray="4 3"
              />
              {cur && (
                <ReferenceLine
                  yAxisId="r"
                  x={cur.threshold}
                  stroke="#64748b"
                  strokeDasharray="3 3"
                  label={{ value: t("current"), position: "insideTopLeft", fontSize: 11 }}
                />
              )}
              {rec && (
                <ReferenceLine
                  yAxisId="r"
                  x={rec.threshold}
                  stroke="#059669"
                  label={{
                    value: t("recommendedShort"),
                    position: "insideTopRight",
                    fontSize: 11,
                    fill: "#047857",
                  }}
                />
              )}
            </LineChart>
          </ResponsiveContainer>
        ) : undefined
      }
      table={
        data && (
          <DataTable
            testId="assistant-curve"
            head={[
              t("threshold"),
              t("volume"),
              t("decided"),
              t("converted"),
              t("rate", { stage }),
              t("lost"),
              t("acceptedLost"),
            ]}
            rows={data.curve.map((p: ThresholdPoint) => [
              f.dec(p.threshold),
              f.dec(p.mqlsPerWeek),
              f.n(p.decided),
              f.n(p.converted),
              f.pct(p.rate),
              f.n(p.convertedLost),
              f.n(p.acceptedLost),
            ])}
          />
        )
      }
    >
      <div className="flex flex-wrap items-end gap-3">
        <TargetSelect id="assistant-target" value={target} onChange={setTarget} />
        <SmallField label={t("targetRate")}>
          <Input
            type="number"
            min={1}
            max={100}
            step={0.5}
            className="w-24"
            value={ratePct}
            onChange={(e) => setRatePct(Number(e.target.value))}
            aria-invalid={!(ratePct > 0 && ratePct <= 100)}
            data-testid="assistant-rate"
          />
        </SmallField>
        <SmallField label={t("capacity")}>
          <Input
            type="number"
            min={1}
            className="w-28"
            placeholder={data ? f.dec(data.capacityPerWeek) : ""}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            data-testid="assistant-capacity"
          />
        </SmallField>
      </div>
      {!valid && <p className="text-sm text-rose-700">{t("invalid")}</p>}
      {data && (
        <>
          {data.reason === "not_enough_data" ? (
            <p className="text-sm text-slate-600" data-testid="assistant-empty">
              {t("notEnough", { decided: f.n(data.decided) })}
            </p>
          ) : (
            rec && (
              <div className="space-y-3">
                <p className="text-base font-medium text-slate-900" data-testid="assistant-summary">
                  {cur && rec.threshold !== cur.threshold
                    ? t(rec.threshold > cur.threshold ? "raise" : "lower", {
                        from: f.dec(cur.threshold),
                        to: f.dec(rec.threshold),
                        volume: sign(change(cur.mqlsPerWeek, rec.mqlsPerWeek)),
                        stage,
                        before: f.pct(cur.rate),
                        after: f.pct(rec.rate),
                      })
                    : t("keep", { to: f.dec(rec.threshold), stage, after: f.pct(rec.rate) })}
                </p>
                <p className="text-sm text-slate-600">
                  {t(`reason.${data.reason}`, {
                    capacity: f.dec(data.capacityPerWeek),
                    target: f.pct(data.targetRate),
                  })}
                </p>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-5">
                  <Kpi
                    label={t("recommended")}
                    value={f.dec(rec.threshold)}
                    testId="assistant-threshold"
                    tone="green"
                  />
                  <Kpi
                    label={t("volume")}
                    value={f.dec(rec.mqlsPerWeek)}
                    hint={cur ? t("was", { value: f.dec(cur.mqlsPerWeek) }) : undefined}
                  />
                  <Kpi
                    label={t("rate", { stage })}
                    value={f.pct(rec.rate)}
                    hint={cur ? t("was", { value: f.pct(cur.rate) }) : undefined}
                  />
                  <Kpi
                    label={t("lost")}
                    value={f.n(rec.convertedLost - (cur?.convertedLost ?? 0))}
                    hint={t("lostHint", { weeks: data.weeks })}
                    tone={rec.convertedLost > (cur?.convertedLost ?? 0) ? "amber" : "slate"}
                  />
                  <Kpi
                    label={t("acceptedLost")}
                    value={f.n(rec.acceptedLost - (cur?.acceptedLost ?? 0))}
                    hint={t("lostHint", { weeks: data.weeks })}
                    tone={rec.acceptedLost > (cur?.acceptedLost ?? 0) ? "amber" : "slate"}
                    testId="assistant-accepted-lost"
                  />
                </div>
                {canDraft && (
                  <div className="flex flex-wrap items-center gap-3">
                    <Button
                      onClick={() =>
                        draft.mutate({
                          mqlThreshold: rec.threshold,
                          note: t("draftNote", { to: rec.threshold }),
                        })
                      }
                      disabled={
                        draft.isPending || (cur !== null && rec.threshold === cur.threshold)
                      }
                      data-testid="assistant-draft"
                    >
                      {t("createDraft", { to: f.dec(rec.threshold) })}
                    </Button>
                    <DraftResult
                      done={draft.isSuccess}
                      error={draft.error}
                      message={t("draftDone")}
                      href="/thresholds"
                      linkLabel={t("openDesigner")}
                      testId="assistant-draft-done"
                    />
                  </div>
                )}
              </div>
            )
          )}
          <p className="text-xs text-slate-500" data-testid="assistant-window">
            {t("window", {
              weeks: data.weeks,
              date: data.windowEnd ? f.date(data.windowEnd) : "—",
            })}
            {data.rescored ? ` ${t("rescored", { count: data.rescored })}` : ""}
            {data.capacityPerWeek <= 0 ? ` ${t("noCapacity")}` : ""}
          </p>
          <p
            className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200"
            data-testid="selection-bias"
          >
            {t("selectionBias")}{" "}
            {data.outcomesSince ? tr("outcomesSince", { date: f.date(data.outcomesSince) }) : ""}
          </p>
        </>
      )}
    </ChartFrame>
  );
}
