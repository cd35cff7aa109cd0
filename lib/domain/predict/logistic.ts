/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS).
 *
 * Rows are sparse (index/value pairs): one-hot features make most of a row zero, so the Hessian
 * costs n × nnz² instead of n × p². Each column is standardised to unit variance inside the fit so
 * one penalty suits every feature; columns are NOT centred, which keeps rows sparse and changes
 * nothing — the intercept is unpenalised, so centring only moves the intercept, and Newton's
 * method is affine-invariant. The penalty is λ/2·‖β‖² on the standardised slopes (a Gaussian prior
 * of variance 1/λ), which keeps rare levels and separable data finite. Constant columns carry no
 * information and are left out (weight 0, no standard error). Weights come back on the original
 * scale. Standard errors come from the ridge ("sandwich") covariance H⁻¹·I·H⁻¹ at the solution,
 * H the penalised Hessian and I = H − λ the information (le Cessie & van Houwelingen 1992): it
 * is I⁻¹, glm's answer, when λ = 0, and it gives a direction the data cannot identify (one-hot
 * levels that sum to the intercept, a rule that duplicates a level) no spurious variance — the
 * estimate does not move along it — where the plain inverse Hessian would report 1/λ there.
 */
import { CholeskyDecomposition, inverse, Matrix } from "ml-matrix";

export type SparseRow = { index: number[]; value: number[] };

export type LogisticOptions = {
  lambda?: number;
  maxIterations?: number;
  tolerance?: number;
  /**
   * Per column, false to penalise it on its own scale instead of standardised: for 0/1 indicators,
   * so a level seen on a handful of rows (tiny sd) is not given a tiny penalty and a huge weight.
   */
  standardize?: boolean[];
  /** false to skip the standard errors (a cross-validation fit only predicts): saves an inversion. */
  stdErrors?: boolean;
  /** A previous fit to start from (warm start along a path of λ). */
  start?: Pick<LogisticFit, "intercept" | "weights">;
};

export type LogisticFit = {
  intercept: number;
  weights: number[];
  interceptStdError: number | null;
  stdErrors: (number | null)[];
  iterations: number;
  converged: boolean;
};

export const sigmoid = (z: number) =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** Dense rows (number[][]) as sparse rows, dropping zeros. */
export function sparse(rows: number[][]): SparseRow[] {
  return rows.map((r) => {
    const row: SparseRow = { index: [], value: [] };
    r.forEach((v, j) => {
      if (v === 0) return;
      row.index.push(j);
      row.value.push(v);
    });
    return row;
  });
}

/** Mean and standard deviation (population) of each of `p` columns. */
export function columnMoments(rows: SparseRow[], p: number): { mean: number[]; sd: number[] } {
  const sum = new Float64Array(p);
  const sq = new Float64Array(p);
  for (const r of rows) {
    for (let k = 0; k < r.index.length; k++) {
      sum[r.index[k]] += r.value[k];
      sq[r.index[k]] += r.value[k] * r.value[k];
    }
  }
  const n = Math.max(rows.length, 1);
  const mean = Array.from(sum, (s) => s / n);
  const sd = Array.from(sq, (s, j) => Math.sqrt(Math.max(s / n - mean[j] * mean[j], 0)));
  return { mean, sd };
}

export function linearPredictor(
  fit: Pick<LogisticFit, "intercept" | "weights">,
  row: SparseRow,
): number {
  let z = fit.intercept;
  for (let k = 0; k < row.index.length; k++) z += fit.weights[row.index[k]] * row.value[k];
  return z;
}

export const predict = (fit: Pick<LogisticFit, "intercept" | "weights">, row: SparseRow) =>
  sigmoid(linearPredictor(fit, row));

export function fitLogistic(
  rows: SparseRow[],
  y: number[],
  p: number,
  options: LogisticOptions = {},
): LogisticFit {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  const { sd } = columnMoments(rows, p);
  // Position in the fit (1..m; 0 is the intercept) of each informative column, -1 for constant ones.
  const slot = new Int32Array(p).fill(-1);
  const kept: number[] = [];
  sd.forEach((s, j) => {
    if (s > 1e-12) slot[j] = kept.push(j);
  });
  const m = kept.length + 1;
  const unit = options.standardize;
  const scale = (j: number) => (unit && unit[j] === false ? 1 : sd[j]);
  const beta = new Float64Array(m);
  if (options.start) {
    beta[0] = options.start.intercept;
    kept.forEach((j, k) => (beta[k + 1] = (options.start!.weights[j] ?? 0) * scale(j)));
  }
  let converged = false;
  let iterations = 0;
  let h: Float64Array[] = [];
  for (; iterations < maxIterations && !converged; iterations++) {
    h = Array.from({ length: m }, () => new Float64Array(m));
    const grad = new Float64Array(m);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const cols: number[] = [0];
      const vals: number[] = [1];
      for (let k = 0; k < r.index.length; k++) {
        const s = slot[r.index[k]];
        if (s <= 0) continue;
        cols.push(s);
        vals.push(r.value[k] / scale(r.index[k]));
      }
      let z = 0;
      for (let a = 0; a < cols.length; a++) z += beta[cols[a]] * vals[a];
      const mu = sigmoid(z);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const resid = y[i] - mu;
      for (let a = 0; a < cols.length; a++) {
        grad[cols[a]] += resid * vals[a];
        const row = h[cols[a]];
        const wa = w * vals[a];
        // Upper triangle only, mirrored below: exactly symmetric, and half the work.
        for (let b = 0; b < cols.length; b++) if (cols[b] >= cols[a]) row[cols[b]] += wa * vals[b];
      }
    }
    for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) h[b][a] = h[a][b];
    for (let j = 1; j < m; j++) {
      h[j][j] += lambda;
      grad[j] -= lambda * beta[j];
    }
    const step = solveSpd(new Matrix(h), grad);
    let largest = 0;
    for (let j = 0; j < m; j++) {
      // Damped: a step of more than 10 log-odds per standardised unit only happens on the way to
      // separation; capping it keeps the unpenalised case from overflowing.
      const d = Math.max(-10, Math.min(10, step[j]));
      beta[j] += d;
      largest = Math.max(largest, Math.abs(d));
    }
    if (largest < tolerance * (1 + Math.max(...Array.from(beta, Math.abs)))) converged = true;
  }
  const covariance = options.stdErrors === false ? null : ridgeCovariance(h, lambda);
  const weights = new Array<number>(p).fill(0);
  const stdErrors = new Array<number | null>(p).fill(null);
  kept.forEach((j, k) => {
    weights[j] = beta[k + 1] / scale(j);
    const v = covariance?.get(k + 1, k + 1);
    stdErrors[j] = v !== undefined && v >= 0 && Number.isFinite(v) ? Math.sqrt(v) / scale(j) : null;
  });
  const v0 = covariance?.get(0, 0);
  return {
    intercept: beta[0],
    weights,
    interceptStdError: v0 !== undefined && v0 >= 0 && Number.isFinite(v0) ? Math.sqrt(v0) : null,
    stdErrors,
    iterations,
    converged,
  };
}

function ridgeCovariance(h: Float64Array[], lambda: number): Matrix | null {
  try {
    const hessian = new Matrix(h);
    const hInv = inverse(hessian, true);
    if (lambda === 0) return hInv;
    const information = hessian.clone();
    for (let j = 1; j < h.length; j++) information.set(j, j, information.get(j, j) - lambda);
    return hInv.mmul(information).mmul(hInv);
  } catch {
    return null;
  }
}

/** Solves H·x = g for a symmetric positive-definite H (Cholesky), falling back to LU-style solve. */
function solveSpd(h: Matrix, g: Float64Array): number[] {
  const rhs = Matrix.columnVector(Array.from(g));
  const chol = new CholeskyDecomposition(h);
  if (chol.isPositiveDefinite()) return chol.solve(rhs).getColumn(0);
  return inverse(h, true).mmul(rhs).getColumn(0);
}
