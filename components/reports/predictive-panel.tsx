"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Button } from "@/components/ui/button";
import type { PredictiveSummary } from "@/lib/domain/predict/types";
import { featureLabel } from "./feature-label";
import { ChartFrame, DataTable, DraftResult, Kpi } from "./chart-frame";
import { useFormat } from "./format";
import { useCreateDraft, usePredictive, useTrain } from "./use-reports";

/** The logistic regression behind the predictive score: its held-out AUC, calibration, weights. */
export function PredictivePanel({ canTrain, canDraft }: { canTrain: boolean; canDraft: boolean }) {
  const t = useTranslations("reports.predictive");
  const tr = useTranslations("reports");
  const f = useFormat();
  const { data, isLoading, error } = usePredictive();
  const train = useTrain();
  const trainButton = canTrain && (
    <Button
      variant="secondary"
      onClick={() => train.mutate()}
      disabled={train.isPending}
      data-testid="train"
    >
      {train.isPending ? t("training") : t("train")}
    </Button>
  );
  return (
    <div className="space-y-5">
      <ChartFrame
        id="predictive"
        testId="predictive-panel"
        title={t("title")}
        description={t("description")}
        loading={isLoading || train.isPending}
        error={error ?? train.error}
      >
        {!isLoading && !data && (
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-600">{t("none")}</p>
            {trainButton}
          </div>
        )}
        {data?.status === "insufficient" && (
          <div className="space-y-2" data-testid="predictive-insufficient">
            <p className="text-sm text-slate-700">
              {t("insufficient", {
                decided: f.n(data.decided),
                minDecided: f.n(data.minimum.decided),
                positives: f.n(data.positives),
                minPositives: f.n(data.minimum.positives),
                stage: tr(`stages.${data.target}`),
              })}
            </p>
            {trainButton}
          </div>
        )}
        {data?.status === "ready" && <ReadyModel model={data} trainButton={trainButton} />}
      </ChartFrame>
      {/* Keyed by model: a retrained model's suggestions start fully picked, not with the last one's picks. */}
      {data?.status === "ready" && <Suggestions key={data.id} model={data} canDraft={canDraft} />}
    </div>
  );
}

function ReadyModel({
  model,
  trainButton,
}: {
  model: PredictiveSummary;
  trainButton: React.ReactNode;
}) {
  const t = useTranslations("reports.predictive");
  const tr = useTranslations("reports");
  const f = useFormat();
  const auc = model.auc ?? 0;
  const tp = useTranslations("prediction");
  const label = (c: { feature: string; label: string }) => featureLabel(tp, c.feature, c.label);
  const top = [...model.coefficients]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 12)
    .map((c) => ({ ...c, label: label(c) }));
  const calibration = model.calibration.filter((c) => c.count > 0);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Kpi
          label={t("auc")}
          value={f.dec(model.auc)}
          tone={auc >= 0.75 ? "green" : auc >= 0.65 ? "amber" : "red"}
          hint={t("folds", { folds: model.foldAucs.map((a) => f.dec(a)).join(" · ") })}
          testId="predictive-auc"
        />
        <Kpi
          label={t("decided")}
          value={f.n(model.decided)}
          hint={t("positives", {
            count: f.n(model.positives),
            stage: tr(`stages.${model.target}`),
          })}
        />
        <Kpi label={t("trainedAt")} value={f.date(model.trainedAt)} />
        <Kpi label={t("since")} value={model.since ? f.date(model.since) : t("allHistory")} />
      </div>
      <p className="text-sm text-slate-600">
        {t(auc >= 0.75 ? "aucGood" : auc >= 0.65 ? "aucFair" : "aucWeak")}
      </p>
      <div className="grid gap-5 lg:grid-cols-2">
        <figure className="min-w-0">
          <figcaption className="mb-1 text-xs font-medium text-slate-600">
            {t("calibrationTitle")}
          </figcaption>
          <div role="img" aria-label={t("calibrationTitle")} className="h-56">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={calibration}>
                <CartesianGrid stroke="#e2e8f0" />
                <XAxis
                  dataKey="predicted"
                  type="number"
                  domain={[0, 1]}
                  tickFormatter={(v) => f.pct(Number(v))}
                  tick={{ fontSize: 11 }}
                  name={t("predicted")}
                />
                <YAxis
                  dataKey="observed"
                  type="number"
                  domain={[0, 1]}
                  tickFormatter={(v) => f.pct(Number(v))}
                  tick={{ fontSize: 11 }}
                  width={44}
                  name={t("observed")}
                />
                <Tooltip formatter={(v) => f.pct(Number(v))} />
                <ReferenceLine
                  segment={[
                    { x: 0, y: 0 },
                    { x: 1, y: 1 },
                  ]}
                  stroke="#94a3b8"
                  strokeDasharray="4 3"
                />
                <Line dataKey="observed" stroke="#4f5bd5" dot={false} isAnimationActive={false} />
                <Scatter dataKey="observed" fill="#4f5bd5" isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer text-slate-600">{tr("showTable")}</summary>
            <DataTable
              head={[t("predicted"), t("observed"), t("count")]}
              rows={calibration.map((c) => [f.pct(c.predicted), f.pct(c.observed), f.n(c.count)])}
            />
          </details>
        </figure>
        <figure className="min-w-0">
          <figcaption className="mb-1 text-xs font-medium text-slate-600">
            {t("weightsTitle")}
          </figcaption>
          <div
            role="img"
            aria-label={t("weightsTitle")}
            style={{ height: Math.max(160, top.length * 22 + 30) }}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={top} layout="vertical" margin={{ left: 8, right: 16 }}>
                <XAxis type="number" tick={{ fontSize: 11 }} />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={160}
                  tick={{ fontSize: 11 }}
                  tickFormatter={(v: string) => (v.length > 26 ? `${v.slice(0, 25)}…` : v)}
                />
                <Tooltip formatter={(v) => f.dec(Number(v))} />
                <ReferenceLine x={0} stroke="#64748b" />
                <Bar dataKey="weight" name={t("weight")} isAnimationActive={false}>
                  {top.map((c) => (
                    <Cell key={c.feature} fill={c.weight >= 0 ? "#059669" : "#e11d48"} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer text-slate-600">{tr("showTable")}</summary>
            <DataTable
              head={[t("feature"), t("weight"), t("stdError"), t("support")]}
              rows={model.coefficients.map((c) => [
                label(c),
                f.dec(c.weight),
                f.dec(c.stdError),
                f.n(c.support),
              ])}
            />
          </details>
        </figure>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {trainButton}
        <p className="text-xs text-slate-500">{t("schedule")}</p>
      </div>
    </div>
  );
}

function Suggestions({ model, canDraft }: { model: PredictiveSummary; canDraft: boolean }) {
  const t = useTranslations("reports.suggestions");
  const f = useFormat();
  const changed = model.suggestions.rules.filter((r) => r.suggestedPoints !== r.currentPoints);
  const [picked, setPicked] = useState<Set<string>>(
    () =>
      new Set([
        ...changed.map((r) => `rule:${r.ruleId}`),
        ...model.suggestions.newRules.map((r) => `new:${r.rule.id}`),
      ]),
  );
  const draft = useCreateDraft();
  const tp = useTranslations("prediction");
  const newLabel = (rule: { field: string; value: string; label: string }) =>
    featureLabel(tp, `${rule.field}=${rule.value}`, rule.label);
  const toggle = (key: string) =>
    setPicked((s) =>
      s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key]),
    );
  const box = (key: string, label: string) =>
    canDraft ? (
      <input
        type="checkbox"
        className="size-4 accent-brand-600"
        checked={picked.has(key)}
        onChange={() => toggle(key)}
        aria-label={label}
      />
    ) : null;
  const submit = () =>
    draft.mutate({
      rules: changed
        .filter((r) => picked.has(`rule:${r.ruleId}`))
        .map((r) => ({ ruleId: r.ruleId, points: r.suggestedPoints })),
      newRules: model.suggestions.newRules
        .filter((r) => picked.has(`new:${r.rule.id}`))
        .map((r) => r.rule),
      note: t("draftNote", { auc: f.dec(model.auc) }),
    });
  const lift = (v: number | null) => (v === null ? "—" : `×${f.dec(v)}`);
  return (
    <ChartFrame
      id="suggestions"
      testId="suggestions-panel"
      title={t("title")}
      description={t("description")}
    >
      {changed.length === 0 && model.suggestions.newRules.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <DataTable
            testId="suggestions-table"
            head={[t("rule"), t("current"), t("suggested"), t("weight"), t("support"), t("lift")]}
            rows={[
              ...changed.map((r) => [
                <label key="l" className="flex items-center gap-2">
                  {box(`rule:${r.ruleId}`, r.label)}
                  {r.label}
                </label>,
                f.dec(r.currentPoints),
                <span
                  key="s"
                  className={
                    r.suggestedPoints > r.currentPoints
                      ? "font-medium text-emerald-700"
                      : "font-medium text-rose-700"
                  }
                >
                  {f.dec(r.suggestedPoints)}
                </span>,
                f.dec(r.weight),
                f.n(r.support),
                lift(r.lift),
              ]),
              ...model.suggestions.newRules.map((r) => [
                <label key="l" className="flex items-center gap-2">
                  {box(`new:${r.rule.id}`, newLabel(r.rule))}
                  <span>
                    <span className="mr-1 rounded bg-brand-50 px-1 text-xs font-medium text-brand-700">
                      {t("new")}
                    </span>
                    {newLabel(r.rule)}
                  </span>
                </label>,
                "—",
                <span key="s" className="font-medium text-emerald-700">
                  {f.dec(r.rule.points)}
                </span>,
                f.dec(r.weight),
                f.n(r.support),
                lift(r.lift),
              ]),
            ]}
          />
        </div>
      )}
      {canDraft && (changed.length > 0 || model.suggestions.newRules.length > 0) && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            onClick={submit}
            disabled={draft.isPending || picked.size === 0}
            data-testid="suggestions-draft"
          >
            {t("createDraft", { count: picked.size })}
          </Button>
          <DraftResult
            done={draft.isSuccess}
            error={draft.error}
            message={draft.data ? t("done", { count: draft.data.changed.length }) : null}
            href="/rules"
            linkLabel={t("openEditor")}
            testId="suggestions-draft-done"
          />
        </div>
      )}
      <p className="text-xs text-slate-500">{t("never")}</p>
    </ChartFrame>
  );
}
