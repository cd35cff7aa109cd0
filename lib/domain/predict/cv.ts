/**
 * Stratified k-fold cross-validation: positives and negatives are shuffled separately (seeded, so
 * the same data gives the same folds) and dealt round-robin, so every fold holds its share of both.
 */
import { auc } from "./auc";
import { seededRandom } from "@/lib/shared/seeded-random";

export { seededRandom };

/** The fold (0..k-1) of each row. */
export function stratifiedFolds(labels: number[], k = 5, seed = 42): number[] {
  const random = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  let dealt = 0;
  for (const cls of [1, 0]) {
    const members = labels.flatMap((y, i) => (y === cls ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    // Continue the deal where the other class stopped, so fold sizes stay balanced overall.
    for (const i of members) folds[i] = dealt++ % k;
  }
  return folds;
}

export type CrossValidation = { foldAucs: number[]; heldOut: number[] };

/**
 * Fits on k−1 folds and predicts the held-out one, k times. `fitPredict(train, test)` receives row
 * indices and returns the held-out probabilities in the order of `test`.
 */
export function crossValidate(
  labels: number[],
  fitPredict: (train: number[], test: number[]) => number[],
  k = 5,
  seed = 42,
): CrossValidation {
  const folds = stratifiedFolds(labels, k, seed);
  const heldOut = new Array<number>(labels.length).fill(0);
  const foldAucs: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = folds.flatMap((g, i) => (g !== f ? [i] : []));
    const test = folds.flatMap((g, i) => (g === f ? [i] : []));
    if (!test.length) continue;
    const predicted = fitPredict(train, test);
    test.forEach((i, n) => (heldOut[i] = predicted[n]));
    const a = auc(
      predicted,
      test.map((i) => labels[i]),
    );
    if (a !== null) foldAucs.push(a);
  }
  return { foldAucs, heldOut };
}
