/**
 * The leakage guard: attributes that tell the outcome rather than predict it are flagged and left
 * out of the model unless a manager includes them knowingly.
 * - set after the handoff: the lead has it now, but most handoffs' record (attributes at the
 *   handoff) lacks it — typically filled in by sales after the call;
 * - separates the outcome: alone, it ranks converted and not converted handoffs almost perfectly
 *   (its own cross-validated AUC ≥ 0.9, either way round) — a field copied from the outcome, or one
 *   that only exists for won deals.
 * And the whole model: a held-out AUC ≥ 0.95 is too good to be true for lead scoring; it is said so
 * and never shown as simply good.
 */
import { auc } from "./auc";
import type { FlaggedAttribute, LeakReason } from "./types";
import { attributeCode, type AttributeSpec, type RawFeatures } from "./features";

export const OWN_AUC_LIMIT = 0.9;
export const MODEL_AUC_LIMIT = 0.95;
/** An attribute is "set after the handoff" when at least this share of the handoffs that have it now lacked it then… */
export const LATE_SHARE = 0.5;
/** …and at least this many did. */
export const LATE_MIN = 10;

export type { FlaggedAttribute, LeakReason } from "./types";

/**
 * The attribute's own AUC: each handoff scored by the conversion rate of its value (level, bin,
 * other, unknown) on the OTHER folds, smoothed towards the overall rate — so a value seen once
 * does not separate anything by itself. Returns max(AUC, 1 − AUC): a perfect separation the other
 * way round leaks as much.
 */
export function ownAuc(
  a: AttributeSpec,
  raw: RawFeatures[],
  labels: number[],
  folds: number[],
): number | null {
  const k = Math.max(...folds) + 1;
  const codes = raw.map((r) => attributeCode(a, r));
  const stats = Array.from({ length: k }, () => new Map<string, [number, number]>());
  const total = new Map<string, [number, number]>();
  codes.forEach((c, i) => {
    for (const m of [stats[folds[i]], total]) {
      const s = m.get(c) ?? [0, 0];
      s[0]++;
      s[1] += labels[i];
      m.set(c, s);
    }
  });
  const positives = labels.reduce((s, y) => s + y, 0);
  const prior = positives / Math.max(labels.length, 1);
  const smoothing = 2;
  const scores = codes.map((c, i) => {
    const all = total.get(c)!;
    const own = stats[folds[i]].get(c)!;
    const n = all[0] - own[0];
    const p = all[1] - own[1];
    return (p + smoothing * prior) / (n + smoothing);
  });
  const a1 = auc(scores, labels);
  return a1 === null ? null : Math.max(a1, 1 - a1);
}

export function leakageGuard(input: {
  attributes: AttributeSpec[];
  labelsByField: (field: string) => string;
  raw: RawFeatures[];
  labels: number[];
  folds: number[];
  late: { field: string; setNow: number; setAfter: number }[];
  include: Set<string>;
}): { flagged: FlaggedAttribute[]; ownAucs: Record<string, number> } {
  const reasons = new Map<string, LeakReason[]>();
  const add = (field: string, r: LeakReason) =>
    reasons.set(field, [...(reasons.get(field) ?? []), r]);
  for (const l of input.late)
    if (l.setAfter >= LATE_MIN && l.setAfter >= LATE_SHARE * l.setNow)
      add(l.field, {
        code: "set_after_handoff",
        count: l.setAfter,
        share: l.setAfter / Math.max(l.setNow, 1),
      });
  const ownAucs: Record<string, number> = {};
  for (const a of input.attributes) {
    const value = ownAuc(a, input.raw, input.labels, input.folds);
    if (value === null) continue;
    ownAucs[a.field] = value;
    if (value >= OWN_AUC_LIMIT) add(a.field, { code: "separates_outcome", auc: value });
  }
  const flagged = [...reasons]
    .map(([field, rs]) => ({
      field,
      label: input.labelsByField(field),
      reasons: rs,
      included: input.include.has(field),
    }))
    .sort((a, b) => a.field.localeCompare(b.field));
  return { flagged, ownAucs };
}
