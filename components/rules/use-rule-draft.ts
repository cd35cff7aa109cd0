import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import type { Rule } from "@/lib/domain/scoring/model";
import { describeRule } from "./describe-rule";
import { ruleFromDraft, validateRuleDraft, type RuleDraft, type RuleErrors } from "./validate-rule";

/**
 * The rule being typed in the panel: its errors (shown once a save was tried), the sentence that
 * stands in for an empty label, and the valid rule reported on every change for the live preview.
 */
export function useRuleDraft(
  initial: RuleDraft,
  onCandidate: (rule: Rule | null) => void,
  onSave: (rule: Rule) => void,
) {
  const describe = useTranslations("rules.describe");
  const locale = useLocale();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [tried, setTried] = useState(false);

  const set = (patch: Partial<RuleDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (tried) setErrors(check(withLabel(next)));
  };

  // The label defaults to the rule in plain words, so a marketer need not invent one.
  const sentence = useMemo(() => {
    try {
      return describeRule(describe, ruleFromDraft({ ...draft, label: draft.label || "…" }), locale);
    } catch {
      return null;
    }
  }, [draft, describe, locale]);
  const withLabel = (d: RuleDraft) => (d.label.trim() || !sentence ? d : { ...d, label: sentence });
  // An empty label is filled from the sentence once the rule is complete: never an error of its own.
  const check = (d: RuleDraft) => validateRuleDraft(d.label.trim() ? d : { ...d, label: "…" });

  useEffect(() => {
    const candidate = withLabel(draft);
    onCandidate(
      Object.keys(check(candidate)).length || !candidate.label.trim()
        ? null
        : ruleFromDraft(candidate),
    );
    // withLabel only depends on draft and sentence
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, sentence, onCandidate]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const candidate = withLabel(draft);
    const found = check(candidate);
    setTried(true);
    setErrors(found);
    if (Object.keys(found).length) {
      const first = Object.keys(found)[0].replace(/\./g, "-");
      document.getElementById(`rule-${first}`)?.focus();
      return;
    }
    onSave(ruleFromDraft(candidate));
  };

  return { draft, set, errors, sentence, dirty, submit };
}
