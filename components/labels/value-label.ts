/**
 * Codes stored on leads and events (a source "paid_search", a content type "high_velocity", a
 * channel "contact_form") in the reader's words: messages/<locale>/values.json names the known
 * ones; an unknown code is shown as words ("trade_show" → "Trade show"), never as a code.
 */
export type ValueGroup =
  | "source"
  | "eventSource"
  | "channel"
  | "contentType"
  | "assetType"
  | "category"
  | "network"
  /** An event property's name, as a label ("Page", "Content type"). */
  | "property";

type Translate = { (key: string): string; has(key: string): boolean };

/** The property key of an event whose values have labels. */
const GROUP_OF_PROPERTY: Record<string, ValueGroup> = {
  channel: "channel",
  content_type: "contentType",
  asset_type: "assetType",
  category: "category",
  network: "network",
};

export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : code;
}

/** Pass the `values` translator. */
export function valueLabel(t: Translate, group: ValueGroup, code: string): string {
  const key = `${group}.${code}`;
  return t.has(key) ? t(key) : humanize(code);
}

/** An event property's value: labelled when the property holds codes, as typed otherwise. */
export function propertyValueLabel(t: Translate, property: string, value: unknown): string {
  const group = GROUP_OF_PROPERTY[property];
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return group && typeof value === "string" ? valueLabel(t, group, value) : text;
}
