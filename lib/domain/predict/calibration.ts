/** How well predicted probabilities match what happened: per tenth of probability, and the Brier score. */
export type CalibrationBin = { bin: number; predicted: number; observed: number; count: number };

/** Ten bins [0, 0.1), … [0.9, 1]; empty bins are left out. `bin` is 0..9. */
export function calibrationBins(predicted: number[], labels: number[]): CalibrationBin[] {
  const sums = Array.from({ length: 10 }, () => ({ p: 0, y: 0, n: 0 }));
  predicted.forEach((p, i) => {
    const b = sums[Math.min(9, Math.max(0, Math.floor(p * 10)))];
    b.p += p;
    b.y += labels[i];
    b.n++;
  });
  return sums.flatMap((s, bin) =>
    s.n ? [{ bin, predicted: s.p / s.n, observed: s.y / s.n, count: s.n }] : [],
  );
}

/** Mean squared error of the probabilities (0 is perfect; always guessing 0.5 scores 0.25). */
export function brierScore(predicted: number[], labels: number[]): number | null {
  if (!predicted.length) return null;
  return predicted.reduce((sum, p, i) => sum + (p - labels[i]) ** 2, 0) / predicted.length;
}
