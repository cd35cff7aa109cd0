"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/use-confirm";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { Rule } from "@/lib/domain/scoring/model";
import { AttributeFields } from "./attribute-fields";
import { EventFields } from "./event-fields";
import { RuleKindPicker } from "./rule-kind-picker";
import { useRuleDraft } from "./use-rule-draft";
import { usePropertySuggestions, useSuggestions } from "./use-scoring";
import type { RuleDraft } from "./validate-rule";

export function RulePanel({
  open,
  initial,
  isNew,
  onSave,
  onClose,
  onCandidate,
  impact,
}: {
  open: boolean;
  initial: RuleDraft;
  isNew: boolean;
  onSave: (rule: Rule) => void;
  onClose: () => void;
  /** The rule as currently typed, when valid (for the live preview), else null. */
  onCandidate: (rule: Rule | null) => void;
  impact: ReactNode;
}) {
  const t = useTranslations("editor");
  const [confirm, confirmDialog] = useConfirm();
  const { draft, set, errors, sentence, dirty, submit } = useRuleDraft(
    initial,
    onCandidate,
    onSave,
  );
  const [customEvent, setCustomEvent] = useState(false);
  const [customTrait, setCustomTrait] = useState(false);
  const suggestions = useSuggestions();
  const properties = usePropertySuggestions(draft.kind === "event" ? draft.event : "");

  const close = async () => {
    if (
      dirty &&
      !(await confirm({
        title: t("panel.discard"),
        action: t("panel.discardAction"),
        danger: true,
      }))
    )
      return;
    onClose();
  };

  const errorCount = Object.keys(errors).length;
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);

  return (
    <Dialog
      open={open}
      onClose={close}
      side
      title={isNew ? t("panel.newTitle") : t("panel.editTitle")}
      description={sentence ?? t("panel.describeHint")}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t("panel.cancel")}
          </Button>
          <Button type="submit" form="rule-form">
            {t("panel.save")}
          </Button>
        </>
      }
    >
      <form id="rule-form" onSubmit={submit} className="space-y-5" noValidate>
        {impact}
        {errorCount > 0 && (
          <p
            role="alert"
            className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
          >
            {t("panel.fix", { count: errorCount })}
          </p>
        )}
        <RuleKindPicker kind={draft.kind} onChange={(kind) => set({ kind })} />

        {draft.kind === "attribute" ? (
          <AttributeFields
            draft={draft}
            set={set}
            errors={errors}
            err={err}
            suggestions={suggestions.data}
            customTrait={customTrait}
            onCustomTrait={setCustomTrait}
          />
        ) : (
          <EventFields
            draft={draft}
            set={set}
            errors={errors}
            err={err}
            events={suggestions.data?.events ?? []}
            eventsLoading={suggestions.isLoading}
            properties={properties.data}
            propertiesLoading={properties.isLoading}
            customEvent={customEvent}
            onCustomEvent={setCustomEvent}
          />
        )}

        <div className="grid gap-3 sm:grid-cols-[8rem_minmax(0,1fr)]">
          <Field
            id="rule-points"
            label={t("panel.points")}
            hint={t("panel.pointsHint")}
            error={err("points")}
          >
            <Input
              id="rule-points"
              type="number"
              inputMode="decimal"
              step="any"
              value={draft.points}
              onChange={(e) => set({ points: e.target.value })}
            />
          </Field>
          <Field
            id="rule-label"
            label={t("panel.label")}
            hint={t("panel.labelHint")}
            error={err("label")}
          >
            <Input
              id="rule-label"
              value={draft.label}
              placeholder={sentence ?? ""}
              onChange={(e) => set({ label: e.target.value })}
            />
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300"
            checked={draft.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          {t("panel.enabled")}
        </label>
      </form>
      {confirmDialog}
    </Dialog>
  );
}
