/**
 * The receipt as a reader checks it: fit lines, then engagement lines, a line for each cap that
 * applied, subtotals and the total — everything in tenths of a point, so what is shown adds up
 * exactly. Decay makes fractions, and rounding each line on its own leaves sums a tenth off
 * (0.25 + 0.25 shown as 0.3 + 0.3 = 0.5); instead each group's lines share out the group's
 * rounded sum by largest remainder, so no line is off by a tenth or more and the column adds up.
 */
import type { CapLine, ReceiptLine, Score } from "./evaluate";

/** Whole tenths of a point: 125 is 12.5 points. */
export type Tenths = number;

export type SumLine = ReceiptLine & { shown: Tenths };
export type SumCap = { cap: number; adjustment: Tenths };
export type SumGroup = { lines: SumLine[]; raw: Tenths; cap: SumCap | null; subtotal: Tenths };
export type ReceiptSums = {
  fit: SumGroup;
  engagement: SumGroup;
  totalCap: SumCap | null;
  total: Tenths;
};

export const toTenths = (points: number): Tenths => Math.round(points * 10);
export const fromTenths = (tenths: Tenths): number => tenths / 10;

/** Integers near `values` (tenths, possibly fractional) that add up to `target`. */
export function apportion(values: number[], target: Tenths): Tenths[] {
  // Tame binary noise first (0.1 × 3 × 10 = 3.0000000000000004) so it cannot decide a remainder.
  const exact = values.map((v) => Math.round(v * 1e6) / 1e6);
  const shown = exact.map(Math.floor);
  let short = target - shown.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((v, i) => ({ i, r: v - shown[i] }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; short !== 0 && byRemainder.length; k = (k + 1) % byRemainder.length) {
    const index = short > 0 ? byRemainder[k].i : byRemainder[byRemainder.length - 1 - k].i;
    shown[index] += Math.sign(short);
    short -= Math.sign(short);
  }
  return shown;
}

function group(lines: ReceiptLine[], cap: CapLine): SumGroup {
  const raw = toTenths(lines.reduce((sum, l) => sum + l.earned, 0));
  const shown = apportion(
    lines.map((l) => l.earned * 10),
    raw,
  );
  const subtotal = cap.applied && cap.cap !== null ? toTenths(cap.cap) : raw;
  return {
    lines: lines.map((l, i) => ({ ...l, shown: shown[i] })),
    raw,
    cap:
      cap.applied && cap.cap !== null && subtotal !== raw
        ? { cap: cap.cap, adjustment: subtotal - raw }
        : null,
    subtotal,
  };
}

export function receiptSums(receipt: Score["receipt"]): ReceiptSums {
  const fit = group(
    receipt.lines.filter((l) => l.kind === "attribute"),
    receipt.caps.fit,
  );
  const engagement = group(
    receipt.lines.filter((l) => l.kind === "event"),
    receipt.caps.engagement,
  );
  const sum = fit.subtotal + engagement.subtotal;
  const capTotal = receipt.caps.total;
  const total = capTotal.applied && capTotal.cap !== null ? toTenths(capTotal.cap) : sum;
  return {
    fit,
    engagement,
    totalCap: total !== sum ? { cap: capTotal.cap!, adjustment: total - sum } : null,
    total,
  };
}
