import type { Rule, ScoringModel } from "@/lib/domain/scoring/model";

function slug(text: string) {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "rule"
  );
}

export function uniqueId(base: string, rules: Rule[]) {
  let id = slug(base);
  for (let i = 2; rules.some((r) => r.id === id); i++) id = `${slug(base)}-${i}`;
  return id;
}

/** The model with `rule` in place of the one being edited, or added under a fresh id. */
export function placeRule(model: ScoringModel, rule: Rule, editingId: string | null): ScoringModel {
  return editingId
    ? {
        ...model,
        rules: model.rules.map((r) => (r.id === editingId ? { ...rule, id: editingId } : r)),
      }
    : {
        ...model,
        rules: [...model.rules, { ...rule, id: uniqueId(rule.label, model.rules) }],
      };
}

export function duplicateRule(model: ScoringModel, rule: Rule, label: string): ScoringModel {
  return {
    ...model,
    rules: [...model.rules, { ...rule, id: uniqueId(`${rule.id}-copy`, model.rules), label }],
  };
}

export function removeRule(model: ScoringModel, id: string): ScoringModel {
  return { ...model, rules: model.rules.filter((r) => r.id !== id) };
}
