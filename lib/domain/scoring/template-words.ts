/**
 * A starter template's own words, kept as it wrote them (a rule's label, a band's name, the model's
 * name), are read in the reader's language: the demo's live model and every model started from a
 * template say "CEO ou VP" to a French reader. A word the marketer changed is theirs and is shown
 * as typed. This finds the message key (under `editor.templates.models`) of such a word.
 */
import { TEMPLATES } from "./templates";

export type TemplateWordKind = "rule" | "band" | "name";

const KEYS: Record<TemplateWordKind, Map<string, string>> = {
  rule: new Map(),
  band: new Map(),
  name: new Map(),
};
for (const [id, model] of Object.entries(TEMPLATES)) {
  if (!KEYS.name.has(model.name)) KEYS.name.set(model.name, `${id}.name`);
  model.bands.forEach((band, i) => {
    if (!KEYS.band.has(band.name)) KEYS.band.set(band.name, `${id}.bands.${i}`);
  });
  for (const rule of model.rules)
    if (!KEYS.rule.has(rule.label)) KEYS.rule.set(rule.label, `${id}.rules.${rule.id}`);
}

/** The message key of a template's own word, or null for a word of the marketer's. */
export function templateWordKey(kind: TemplateWordKind, text: string): string | null {
  return KEYS[kind].get(text) ?? null;
}
