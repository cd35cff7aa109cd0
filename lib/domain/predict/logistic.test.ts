import { describe, expect, it } from "vitest";
import { auc } from "./auc";
import { brierScore, calibrationBins } from "./calibration";
import { crossValidate, stratifiedFolds } from "./cv";
import { fitLogistic, predict, sparse } from "./logistic";

// Challenger O-ring data: 23 launches before 1986, temperature (°F) and whether an O-ring was
// damaged (Dalal, Fowlkes & Hoadley 1989). R's glm(damage ~ temp, binomial) gives
// intercept 15.0429 (SE 7.3786), slope −0.2322 (SE 0.1082).
const temp = [
  66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58,
];
const damage = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];

describe("logistic regression", () => {
  it("matches glm on the Challenger O-ring data without a penalty", () => {
    const fit = fitLogistic(sparse(temp.map((t) => [t])), damage, 1, { lambda: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(15.0429, 3);
    expect(fit.weights[0]).toBeCloseTo(-0.2322, 3);
    expect(fit.interceptStdError).toBeCloseTo(7.3786, 2);
    expect(fit.stdErrors[0]).toBeCloseTo(0.1082, 3);
  });

  it("stays finite on perfectly separable data when penalised, shrinking harder as lambda grows", () => {
    const x = [[0], [0], [0], [1], [1], [1]];
    const y = [0, 0, 0, 1, 1, 1];
    const weak = fitLogistic(sparse(x), y, 1, { lambda: 0.1 });
    const strong = fitLogistic(sparse(x), y, 1, { lambda: 10 });
    for (const fit of [weak, strong]) {
      expect(fit.converged).toBe(true);
      expect(Number.isFinite(fit.weights[0])).toBe(true);
      expect(fit.weights[0]).toBeGreaterThan(0);
      expect(fit.stdErrors[0]).not.toBeNull();
    }
    expect(strong.weights[0]).toBeLessThan(weak.weights[0]);
    expect(predict(weak, { index: [0], value: [1] })).toBeGreaterThan(0.9);
  });

  it("leaves constant columns out instead of failing, and does not diverge unpenalised", () => {
    const fit = fitLogistic(
      sparse([
        [1, 0],
        [1, 1],
        [1, 0],
        [1, 1],
      ]),
      [0, 1, 0, 1],
      2,
      { lambda: 0 },
    );
    expect(fit.weights[0]).toBe(0);
    expect(fit.stdErrors[0]).toBeNull();
    expect(Number.isFinite(fit.weights[1])).toBe(true);
    expect(fit.converged).toBe(false); // separation: no finite maximum likelihood estimate
  });
});

describe("AUC", () => {
  it("counts the pairs ranked right, ties as half", () => {
    // Pairs (pos, neg): (0.8,0.1) (0.8,0.4) (0.8,0.8)=½ (0.4,0.1) (0.4,0.4)=½ (0.4,0.8)=0 → 4/6.
    expect(auc([0.8, 0.4, 0.1, 0.4, 0.8], [1, 1, 0, 0, 0])).toBeCloseTo(4 / 6, 12);
    expect(auc([0.1, 0.9], [0, 1])).toBe(1);
    expect(auc([0.1, 0.9], [1, 1])).toBeNull();
  });
});

describe("cross-validation", () => {
  it("deals stratified, deterministic folds", () => {
    const labels = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const folds = stratifiedFolds(labels, 5, 7);
    expect(stratifiedFolds(labels, 5, 7)).toEqual(folds);
    for (let f = 0; f < 5; f++) {
      const positives = labels.filter((y, i) => y === 1 && folds[i] === f).length;
      expect(positives).toBeGreaterThanOrEqual(5);
      expect(positives).toBeLessThanOrEqual(6);
      expect(folds.filter((g) => g === f).length).toBeGreaterThanOrEqual(20);
    }
  });

  it("returns one held-out AUC per fold", () => {
    const x = Array.from({ length: 200 }, (_, i) => [(i % 10) / 10]);
    const y = x.map(([v], i) => (v + ((i * 7) % 10) / 20 > 0.6 ? 1 : 0));
    const rows = sparse(x);
    const cv = crossValidate(y, (train, test) => {
      const fit = fitLogistic(
        train.map((i) => rows[i]),
        train.map((i) => y[i]),
        1,
      );
      return test.map((i) => predict(fit, rows[i]));
    });
    expect(cv.foldAucs).toHaveLength(5);
    for (const a of cv.foldAucs) expect(a).toBeGreaterThan(0.7);
  });
});

describe("calibration", () => {
  it("bins by tenth of probability and scores Brier", () => {
    const bins = calibrationBins([0.05, 0.15, 0.12, 0.95], [0, 1, 0, 1]);
    expect(bins).toEqual([
      { bin: 0, predicted: 0.05, observed: 0, count: 1 },
      { bin: 1, predicted: expect.closeTo(0.135, 10), observed: 0.5, count: 2 },
      { bin: 9, predicted: 0.95, observed: 1, count: 1 },
    ]);
    expect(brierScore([1, 0, 0.5], [1, 0, 1])).toBeCloseTo(0.25 / 3, 12);
  });
});
