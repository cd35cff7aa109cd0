"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { PredictiveSummary } from "@/lib/client/queries/reports";
import { ChartFrame, DataTable, DraftResult } from "./chart-frame";
import { featureLabel } from "./feature-label";
import { useFormat } from "./format";
import { useCreateDraft } from "./use-reports";

/** Point changes and new rules the model suggests; the picked ones become a draft in the rule editor. */
export function SuggestionsPanel({
  model,
  canDraft,
}: {
  model: PredictiveSummary;
  canDraft: boolean;
}) {
  const t = useTranslations("reports.suggestions");
  const f = useFormat();
  const changed = model.suggestions.rules.filter((r) => r.suggestedPoints !== r.currentPoints);
  const [picked, setPicked] = useState<Set<string>>(
    () =>
      new Set([
        ...changed.map((r) => `rule:${r.ruleId}`),
        // A rule resting on an attribute the leakage guard flagged is never ticked for you.
        ...model.suggestions.newRules
          .filter((r) => r.preselected !== false)
          .map((r) => `new:${r.rule.id}`),
      ]),
  );
  const draft = useCreateDraft();
  const tp = useTranslations("prediction");
  const newLabel = (rule: { field: string; op: string; value: unknown; label: string }) =>
    rule.op === "eq"
      ? featureLabel(tp, `${rule.field}=${String(rule.value)}`, rule.label)
      : rule.label;
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
        .map(
          (r) =>
            r.rule as Parameters<typeof draft.mutate>[0]["newRules"] extends (infer R)[] | undefined
              ? R
              : never,
        ),
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
                    {r.flagged && (
                      <span className="mr-1 rounded bg-amber-50 px-1 text-xs font-medium text-amber-800">
                        {t("flagged")}
                      </span>
                    )}
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
