/** Where an attribute rule's field lives on a lead: a column, or a key of the traits document. */
import { NUMERIC_FIELDS, type LeadField } from "./model";
import type { Seen } from "./conditions";
import { fold, parseDecimal, scalarText } from "./text";

export type ScoredLead = { [K in LeadField]?: string | number | null } & {
  id: string;
  traits?: Record<string, unknown> | null;
};

export function traitKey(field: string): string | null {
  return field.startsWith("traits.") ? field.slice("traits.".length) : null;
}

function seenText(text: string | null): Seen {
  const t = text === null || text === "" ? null : text;
  return { text: t === null ? null : fold(t), num: parseDecimal(t) };
}

/** The value of a lead's field as conditions see it. */
export function seeField(lead: ScoredLead, field: string): Seen {
  const key = traitKey(field);
  if (key !== null) return seenText(scalarText(lead.traits?.[key]));
  const raw = lead[field as LeadField];
  if (raw === null || raw === undefined) return { text: null, num: null };
  if (NUMERIC_FIELDS.includes(field)) {
    const num = typeof raw === "number" ? raw : parseDecimal(String(raw));
    return { text: String(raw), num };
  }
  return seenText(String(raw));
}
