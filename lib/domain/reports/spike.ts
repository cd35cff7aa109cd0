/**
 * A reason's spike: the latest period whose count is at least 3 and above the mean plus two
 * (population) standard deviations of the periods before it, given at least 3 of them.
 */
export type Spike = { index: number; count: number; expected: number };

export function findSpike(counts: number[], minCount = 3, minHistory = 3): Spike | null {
  for (let i = counts.length - 1; i >= minHistory; i--) {
    const count = counts[i];
    if (count < minCount) continue;
    const before = counts.slice(0, i);
    const mean = before.reduce((a, b) => a + b, 0) / before.length;
    const sd = Math.sqrt(before.reduce((a, b) => a + (b - mean) ** 2, 0) / before.length);
    if (count > mean + 2 * sd) return { index: i, count, expected: Math.round(mean * 10) / 10 };
  }
  return null;
}
