/**
 * A predictive feature's name in the reader's language. Names are stable codes built by
 * lib/domain/predict/features.ts — `source=webinar`, `traits.plan:other`, `companySize:log`, `rule:<id>` —
 * and the label stored with them (the rule's own label for rule features) fills in what only the
 * data knows. Used by the reports (client) and the lead page (server) alike.
 */
type Translate = (key: string, values?: Record<string, string>) => string;

const FIELDS = ["source", "industry", "seniority", "country"];

function fieldName(t: Translate, field: string): string {
  if (FIELDS.includes(field)) return t(`fields.${field}`);
  return t("fields.trait", { key: field.replace(/^traits\./, "") });
}

export function featureLabel(t: Translate, feature: string, stored: string): string {
  if (feature.startsWith("rule:")) return t("feature.rule", { label: stored });
  if (feature === "companySize:log") return t("feature.companySize");
  if (feature === "companySize:missing") return t("feature.companySizeMissing");
  const other = feature.match(/^(.+):other$/);
  if (other) return t("feature.other", { field: fieldName(t, other[1]) });
  const level = feature.match(/^([^=]+)=(.*)$/);
  if (level) return t("feature.level", { field: fieldName(t, level[1]), value: level[2] });
  return stored;
}

/** An attribute's name (flagged, dropped) in the reader's language; a label the data defines is kept. */
export function attributeLabel(t: Translate, field: string, stored: string): string {
  if (FIELDS.includes(field)) return t(`fields.${field}`);
  const key = field.replace(/^traits\./, "");
  if (field.startsWith("traits.") && stored === `Trait ${key}`) return fieldName(t, field);
  return stored;
}
