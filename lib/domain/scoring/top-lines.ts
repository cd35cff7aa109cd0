/**
 * The receipt's top lines — what the inbox and the `lead.mql` webhook show of why a lead scored
 * what it did: the lines that earned most, most first (ties in the model's order), to one decimal.
 * From a replayed receipt (evaluate.ts) or from the earnings scoring stores (compile.ts `earned`).
 */
import type { ReceiptLine } from "./evaluate";
import { isActive, type ScoringModel } from "./model";

/** A receipt line as the inbox shows it: the rule's label and what it earned, to one decimal. */
export type TopReason = { label: string; points: number };
export const TOP_REASONS = 3;

type Earned = { label: string; earned: number };

function top(lines: Earned[], count: number): TopReason[] {
  return lines
    .filter((l) => l.earned > 0)
    .sort((a, b) => b.earned - a.earned)
    .slice(0, count)
    .map((l) => ({ label: l.label, points: Math.round(l.earned * 10) / 10 }));
}

export function topLines(lines: ReceiptLine[], count = TOP_REASONS): TopReason[] {
  return top(lines, count);
}

/**
 * The top lines from stored earnings: `earned[k]` is what the model's k-th active rule earned.
 * Null when the array does not fit the model (written by another version's rules).
 */
export function topFromEarned(
  model: ScoringModel,
  earned: number[],
  count = TOP_REASONS,
): TopReason[] | null {
  const active = model.rules.filter(isActive);
  if (active.length !== earned.length) return null;
  return top(
    active.map((rule, k) => ({ label: rule.label, earned: Number(earned[k]) })),
    count,
  );
}
