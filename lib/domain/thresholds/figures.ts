/**
 * What a candidate MQL threshold would mean, computed from the bucketed evidence of
 * `thresholdEvidence` (analysis.ts). Pure and small, so the designer recomputes every figure on
 * each drag step in the browser. Buckets are whole points (floor of the score), which makes every
 * figure exact for whole-number thresholds: score >= T  <=>  floor(score) >= T.
 */

export type ScoreBucket = { score: number; leads: number };
/** Past handoffs of one week with one whole backtested score. */
export type WeekHandoffs = { score: number; mqls: number };
export type Week = { start: string; handoffs: WeekHandoffs[] };
/** Past handoffs by backtested score: how many, and of the decided ones how many converted. */
export type HandoffBucket = { score: number; mqls: number; decided: number; converted: number };

export type ThresholdEvidence = {
  scores: ScoreBucket[];
  /** The backtest window's weeks, oldest first (handoff-backtest.ts). */
  weeks: Week[];
  /** The window's first handoff: weeks ending before it are not counted per week. */
  historySince: string | null;
  handoffs: HandoffBucket[];
  /** The model the handoffs were scored under, as of each handoff. */
  model: "live" | "draft";
  /** What counts as converted: the report settings' target stage. */
  target: "accepted" | "qualified" | "opportunity" | "won";
  /** Handoffs without a record of the lead's attributes then (read as the lead is now). */
  unrecorded: number;
};

/** Below these, the designer says plainly that there is not enough history yet. */
export const MIN_HISTORY_WEEKS = 2;
export const MIN_DECIDED = 30;

export function leadsAtOrAbove(scores: ScoreBucket[], threshold: number): number {
  const t = Math.ceil(threshold);
  return scores.reduce((sum, b) => (b.score >= t ? sum + b.leads : sum), 0);
}

/**
 * Past handoffs at or above the threshold in each week: the MQLs the judged model would have
 * handed over (the same definition as the threshold assistant's MQLs per week).
 */
export function mqlsPerWeek(weeks: Week[], threshold: number): { start: string; mqls: number }[] {
  const t = Math.ceil(threshold);
  return weeks.map((w) => ({
    start: w.start,
    mqls: w.handoffs.reduce((sum, h) => (h.score >= t ? sum + h.mqls : sum), 0),
  }));
}

/** Weeks the backtest covers: those ending after its first handoff (as handoff-backtest.ts counts them). */
export function weeksCovered(evidence: Pick<ThresholdEvidence, "weeks" | "historySince">): number {
  if (!evidence.historySince) return 0;
  const since = Date.parse(evidence.historySince);
  return evidence.weeks.filter((w) => Date.parse(w.start) + 7 * 86_400_000 > since).length;
}

export type Conversion = { mqls: number; decided: number; converted: number; rate: number | null };

/** Conversion of past handoffs whose backtested score is at or above the threshold; null rate below MIN_DECIDED. */
export function conversionAtOrAbove(handoffs: HandoffBucket[], threshold: number): Conversion {
  const t = Math.ceil(threshold);
  let mqls = 0,
    decided = 0,
    converted = 0;
  for (const b of handoffs) {
    if (b.score < t) continue;
    mqls += b.mqls;
    decided += b.decided;
    converted += b.converted;
  }
  return { mqls, decided, converted, rate: decided >= MIN_DECIDED ? converted / decided : null };
}

/**
 * Histogram bins of `width` points, each bin's lower edge a multiple of width. With `range`, scores
 * outside it are counted in the first or last bin, so a long tail does not squash the chart.
 */
export function binScores(
  scores: ScoreBucket[],
  width: number,
  range?: { lo: number; hi: number },
): { from: number; leads: number }[] {
  if (!scores.length) return [];
  const lo = range?.lo ?? Math.floor(scores[0].score / width) * width;
  const hi = range ? range.hi - width : Math.floor(scores[scores.length - 1].score / width) * width;
  const bins = Array.from({ length: (hi - lo) / width + 1 }, (_, i) => ({
    from: lo + i * width,
    leads: 0,
  }));
  for (const b of scores) {
    const edge = Math.min(hi, Math.max(lo, Math.floor(b.score / width) * width));
    bins[(edge - lo) / width].leads += b.leads;
  }
  return bins;
}

/** The score below which `share` of the leads fall (bucket precision). */
export function scoreQuantile(scores: ScoreBucket[], share: number): number | null {
  const total = scores.reduce((s, b) => s + b.leads, 0);
  if (!total) return null;
  let seen = 0;
  for (const b of scores) {
    seen += b.leads;
    if (seen >= share * total) return b.score;
  }
  return scores[scores.length - 1].score;
}

/** A "nice" bin width (1, 2, 5, 10, 20, 50 …) giving at most `maxBins` bins over the range. */
export function niceWidth(range: number, maxBins = 48): number {
  const raw = Math.max(1, range / maxBins);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/** The band a score falls in (bands ascending by min); the first band also takes anything below it. */
export function bandIndex(bands: { min: number }[], score: number): number {
  let index = 0;
  bands.forEach((b, i) => {
    if (score >= b.min) index = i;
  });
  return index;
}
