/**
 * A rule in plain words, in the UI language — e.g. "Viewed a page whose URL contains /pricing ·
 * at most once · last 90 days · halves every 30 days". Pure: pass the `rules.describe` translator.
 */
import type { Condition, Rule } from "@/lib/domain/scoring/model";

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** A number in the reader's format; a known code (a seniority, a source, a content type) as its label. */
function formatValue(value: unknown, locale: string, t?: Translate): string {
  if (typeof value === "number") return new Intl.NumberFormat(locale).format(value);
  const text = String(value);
  return t && /^[a-z][a-z0-9_]*$/.test(text) && t.has(`value.${text}`) ? t(`value.${text}`) : text;
}

export function describeCondition(t: Translate, condition: Condition, locale: string): string {
  const { op, value } = condition;
  if (op === "between") {
    const [min, max] = value as [number, number];
    return t("op.between", { min: formatValue(min, locale), max: formatValue(max, locale) });
  }
  if (op === "in") {
    const list = new Intl.ListFormat(locale, { style: "short", type: "disjunction" }).format(
      (value as unknown[]).map((v) => formatValue(v, locale, t)),
    );
    return t("op.in", { value: list });
  }
  if (op === "known" || op === "unknown") return t(`op.${op}`);
  return t(`op.${op}`, { value: formatValue(value, locale, t) });
}

export function fieldLabel(t: Translate, field: string): string {
  if (field.startsWith("traits.")) return t("field.trait", { key: field.slice("traits.".length) });
  return t.has(`field.${field}`) ? t(`field.${field}`) : field;
}

export function propertyLabel(t: Translate, property: string): string {
  return t.has(`property.${property}`)
    ? t(`property.${property}`)
    : t("property.other", { key: property });
}

export function eventLabel(t: Translate, event: string): string {
  return t.has(`event.${event}`) ? t(`event.${event}`) : t("event.other", { event });
}

/** The condition part only, without points. */
export function describeRule(t: Translate, rule: Rule, locale: string): string {
  if (rule.kind === "attribute") {
    return t("attribute", {
      field: fieldLabel(t, rule.field),
      condition: describeCondition(t, rule, locale),
    });
  }
  let text = eventLabel(t, rule.event);
  const where = (rule.where ?? []).map((c) =>
    t("where", {
      property: propertyLabel(t, c.property),
      condition: describeCondition(t, c, locale),
    }),
  );
  if (where.length) text += ` ${where.join(` ${t("and")} `)}`;
  const parts = [text];
  if (rule.maxCount) parts.push(t("maxCount", { count: rule.maxCount }));
  if (rule.withinDays) parts.push(t("withinDays", { days: rule.withinDays }));
  if (rule.halfLifeDays)
    parts.push(t("halfLife", { days: formatValue(rule.halfLifeDays, locale) }));
  return parts.join(" · ");
}

export function formatPoints(points: number, locale: string): string {
  const n = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    signDisplay: "always",
  }).format(points);
  return n;
}
