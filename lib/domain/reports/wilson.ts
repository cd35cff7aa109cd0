import type { Interval } from "./types";

/** Wilson score interval (95 %, z = 1.96) for k successes out of n; null when n is 0. */
export function wilson(k: number, n: number, z = 1.96): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

export const rate = (k: number, n: number): number | null => (n > 0 ? k / n : null);
