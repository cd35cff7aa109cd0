"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { ActiveSummary } from "@/lib/domain/scoring/editor-state";
import type { Rule } from "@/lib/domain/scoring/model";
import type { ModelComparison } from "./compare-models";
import { RuleList, type RuleActions } from "./rule-list";

/** The draft's rules beside the live version's, each marked with how it differs from the other. */
export function RuleColumns({
  rules,
  active,
  comparison,
  actions,
  canWrite,
  onAdd,
}: {
  rules: Rule[];
  active: ActiveSummary;
  comparison: ModelComparison;
  actions: RuleActions | undefined;
  canWrite: boolean;
  onAdd: (kind: "attribute" | "event") => void;
}) {
  const t = useTranslations("editor");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card aria-labelledby="draft-heading">
        <CardHeader
          id="draft-heading"
          title={t("columns.draft")}
          action={<span className="text-xs text-slate-500">{t("columns.draftHint")}</span>}
        />
        <div className="px-3 py-3 sm:px-4">
          <RuleList
            rules={rules}
            statuses={comparison.draftStatus}
            actions={actions}
            testId="draft-rules"
          />
          {canWrite && (
            <div className="mt-3 flex flex-wrap gap-2 border-t border-slate-100 pt-3">
              <Button variant="secondary" onClick={() => onAdd("attribute")}>
                {t("actions.addFit")}
              </Button>
              <Button variant="secondary" onClick={() => onAdd("event")}>
                {t("actions.addEngagement")}
              </Button>
            </div>
          )}
        </div>
      </Card>
      <Card aria-labelledby="active-heading" className="self-start">
        <CardHeader
          id="active-heading"
          title={
            active ? t("columns.active", { version: active.version }) : t("columns.activeNone")
          }
        />
        <div className="px-3 py-3 sm:px-4">
          {active ? (
            <RuleList
              rules={active.model.rules}
              statuses={comparison.activeStatus}
              testId="active-rules"
            />
          ) : (
            <p className="py-6 text-center text-sm text-slate-500">{t("columns.activeEmpty")}</p>
          )}
        </div>
      </Card>
    </div>
  );
}
