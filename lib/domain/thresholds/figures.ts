/**
 * What a candidate MQL threshold would mean, computed from the bucketed evidence of
 * `thresholdEvidence` (analysis.ts). Pure and small, so the designer recomputes every figure on
 * each drag step in the browser. Buckets are whole points (floor of the score), which makes every
 * figure exact for whole-number thresholds: score >= T  <=>  floor(score) >= T.
 */

export type ScoreBucket = { score: number; leads: number };
/** Leads whose highest score so far rose from `from` (null: no score before) to `to` during a week. */
export type WeekMove = { from: number | null; to: number; leads: number };
export type Week = { start: string; moves: WeekMove[] };
/** Past handoffs by handoff score: how many, and of the decided ones how many reached SQL. */
export type HandoffBucket = { score: number; mqls: number; decided: number; converted: number };

export type ThresholdEvidence = {
  scores: ScoreBucket[];
  weeks: Week[];
  /** The first score_history row, if any: the replay cannot see before it. */
  historySince: string | null;
  handoffs: HandoffBucket[];
};

/** Below these, the designer says plainly that there is not enough history yet. */
export const MIN_HISTORY_WEEKS = 2;
export const MIN_DECIDED = 30;

export function leadsAtOrAbove(scores: ScoreBucket[], threshold: number): number {
  const t = Math.ceil(threshold);
  return scores.reduce((sum, b) => (b.score >= t ? sum + b.leads : sum), 0);
}

/** Leads that first reached the threshold in each week (their running maximum crossed it). */
export function crossingsPerWeek(
  weeks: Week[],
  threshold: number,
): { start: string; leads: number }[] {
  const t = Math.ceil(threshold);
  return weeks.map((w) => ({
    start: w.start,
    leads: w.moves.reduce(
      (sum, m) => ((m.from === null || m.from < t) && m.to >= t ? sum + m.leads : sum),
      0,
    ),
  }));
}

/** Weeks the replay covers: those starting on or after the first recorded score. */
export function weeksCovered(evidence: Pick<ThresholdEvidence, "weeks" | "historySince">): number {
  if (!evidence.historySince) return 0;
  const since = Date.parse(evidence.historySince);
  return evidence.weeks.filter((w) => Date.parse(w.start) + 7 * 86_400_000 > since).length;
}

export type Conversion = { mqls: number; decided: number; converted: number; rate: number | null };

/** MQL→SQL rate of past MQLs handed over at or above the threshold; null rate below MIN_DECIDED. */
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
