/**
 * What a stored training run may name when it is shown: the rules of the LIVE scoring model and
 * the attributes of the lead data it learnt from. A run trained before a publish keeps columns and
 * suggestions for rules since removed (or switched off); they are left out of the weights and the
 * suggestions until the next training, and a rule renamed since is shown by its live name.
 */
import { isActive, type ScoringModel } from "@/lib/domain/scoring/model";
import type { PredictiveSummary } from "./types";

const RULE = "rule:";

export function onlyLiveNames(
  summary: PredictiveSummary,
  live: Pick<ScoringModel, "rules"> | null,
): PredictiveSummary {
  const rules = new Map((live?.rules ?? []).filter(isActive).map((r) => [r.id, r.label] as const));
  const fields = new Set((summary.attributes ?? []).map((a) => a.field));
  return {
    ...summary,
    coefficients: summary.coefficients.flatMap((c) => {
      if (!c.feature.startsWith(RULE)) return [c];
      const label = rules.get(c.feature.slice(RULE.length));
      return label === undefined ? [] : [{ ...c, label }];
    }),
    suggestions: {
      rules: summary.suggestions.rules.flatMap((s) => {
        const label = rules.get(s.ruleId);
        return label === undefined ? [] : [{ ...s, label }];
      }),
      newRules: summary.suggestions.newRules.filter((s) => fields.has(s.rule.field)),
    },
  };
}
