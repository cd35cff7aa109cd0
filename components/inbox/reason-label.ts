import type { Reason } from "@/lib/client/queries/settings";

/** A reason's label in the reader's language, falling back to English where French is missing. */
export function reasonLabel(reason: Reason, locale: string): string {
  return locale === "fr" ? reason.labels.fr || reason.labels.en : reason.labels.en;
}
