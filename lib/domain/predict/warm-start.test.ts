/**
 * Training's shortcuts must not change the model: fits warm-started along the λ path and from
 * other folds (weights and Hessian), with the Hessian kept while steps shrink, land on the same
 * solution as plain Newton from zero — the same held-out predictions, weights and standard errors.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "./cv";
import { fitLogistic, predict, type SparseRow } from "./logistic";
import { crossValidatedFit, FOLDS } from "./train";
import { stratifiedFolds } from "./cv";

/** 3,000 handoffs, 8 one-hot attributes of 2–9 levels (one with a rare level), a count column. */
function madeUp() {
  const random = seededRandom(7);
  const rows: SparseRow[] = [];
  const labels: number[] = [];
  const effects = [0.8, -0.5, 0.3, 0, 0, 0.2, -0.2, 0];
  let p = 0;
  const offsets = effects.map((_, a) => {
    const at = p;
    p += 2 + a;
    return at;
  });
  const count = p++;
  for (let i = 0; i < 3_000; i++) {
    const row: SparseRow = { index: [], value: [] };
    let z = -1;
    effects.forEach((e, a) => {
      const level = i % 500 === 0 && a === 7 ? 2 + a - 1 : Math.floor(random() * (1 + a));
      row.index.push(offsets[a] + level);
      row.value.push(1);
      z += level === 0 ? e : 0;
    });
    const hits = Math.floor(random() * 4);
    if (hits) {
      row.index.push(count);
      row.value.push(Math.log1p(hits));
      z += 0.4 * Math.log1p(hits);
    }
    rows.push(row);
    labels.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  const standardize = Array.from({ length: p }, (_, j) => j === count);
  return { rows, labels, p, standardize };
}

describe("training's warm starts", () => {
  const f = madeUp();
  const cold = (idx: number[], lambda: number, stdErrors = false) =>
    fitLogistic(
      idx.map((i) => f.rows[i]),
      idx.map((i) => f.labels[i]),
      f.p,
      { lambda, standardize: f.standardize, tolerance: 1e-12, stdErrors },
    );

  it("give the held-out predictions of fits from zero, fold by fold", () => {
    const { cv, lambdas } = crossValidatedFit(f);
    const folds = stratifiedFolds(f.labels, FOLDS, 20_240_607);
    for (let k = 0; k < FOLDS; k++) {
      const train = f.labels.flatMap((_, i) => (folds[i] !== k ? [i] : []));
      const fit = cold(train, lambdas[k]);
      folds.forEach((g, i) => {
        if (g === k) expect(cv.heldOut[i]).toBeCloseTo(predict(fit, f.rows[i]), 7);
      });
    }
  });

  it("give the final weights and standard errors of a fit from zero", () => {
    const { fit, lambda } = crossValidatedFit(f);
    const reference = cold(
      f.labels.map((_, i) => i),
      lambda,
      true,
    );
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(reference.intercept, 7);
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(reference.weights[j], 7));
    fit.stdErrors.forEach((s, j) => expect(s!).toBeCloseTo(reference.stdErrors[j]!, 7));
  });

  it("converge to the same solution from a misleading start", () => {
    const all = f.labels.map((_, i) => i);
    const half = all.filter((i) => i % 2 === 0);
    // A start from other rows, another λ, and a Hessian that far from this fit's.
    const other = cold(half, 0.01);
    const fit = fitLogistic(f.rows, f.labels, f.p, {
      lambda: 30,
      standardize: f.standardize,
      tolerance: 1e-12,
      start: { ...other, weights: other.weights.map((w) => -3 * w) },
    });
    const reference = cold(all, 30);
    expect(fit.converged).toBe(true);
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(reference.weights[j], 7));
  });
});
