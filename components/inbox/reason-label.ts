import type { ReasonView } from "@/lib/domain/reasons/list-reasons";

/** A reason's label in the reader's language, falling back to English where French is missing. */
export function reasonLabel(reason: ReasonView, locale: string): string {
  return locale === "fr" ? reason.labels.fr || reason.labels.en : reason.labels.en;
}
