/** Scores as shown on the lead page: at most one decimal (decay makes fractions), from tenths. */
import { formatPoints } from "@/components/rules/describe-rule";
import type { Tenths } from "@/lib/domain/scoring/receipt-sums";

export function formatTenths(tenths: Tenths, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(tenths / 10);
}

/** With its sign: "+15", "-2,5". */
export function formatSignedTenths(tenths: Tenths, locale: string): string {
  return formatPoints(tenths / 10, locale);
}
