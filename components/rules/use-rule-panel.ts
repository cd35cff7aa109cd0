import { useCallback, useMemo, useState } from "react";
import type { Rule, ScoringModel } from "@/lib/domain/scoring/model";
import { placeRule } from "./model-edits";
import { draftFromRule, emptyDraft, type RuleDraft } from "./validate-rule";

export type OpenPanel = {
  initial: RuleDraft;
  isNew: boolean;
  editingId: string | null;
  key: number;
};

/** The rule panel's state, and the model the impact preview should show while it is open. */
export function useRulePanel(model: ScoringModel | null) {
  const [panel, setPanel] = useState<OpenPanel | null>(null);
  // While a rule is being edited, the preview follows it before it is saved.
  const [candidate, setCandidate] = useState<Rule | null>(null);
  const previewed = useMemo(() => {
    if (!model || !panel || !candidate) return model;
    return placeRule(model, candidate, panel.editingId);
  }, [model, panel, candidate]);

  const openNew = useCallback(
    (kind: "attribute" | "event") =>
      setPanel({
        initial: emptyDraft(kind, "new-rule"),
        isNew: true,
        editingId: null,
        key: Date.now(),
      }),
    [],
  );
  const openEdit = (rule: Rule) =>
    setPanel({
      initial: draftFromRule(rule),
      isNew: false,
      editingId: rule.id,
      key: Date.now(),
    });
  const close = () => {
    setPanel(null);
    setCandidate(null);
  };

  return { panel, previewed, setCandidate, openNew, openEdit, close };
}
