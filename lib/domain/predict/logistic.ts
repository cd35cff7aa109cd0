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
import { inverse, Matrix } from "ml-matrix";

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

/**
 * The rows as the fit reads them, once: compressed sparse rows over the fit's slots (0 the
 * intercept, then the informative columns), values divided by their column's scale, each row's
 * slots ascending with duplicates summed — so the Hessian's upper triangle is a plain double loop.
 */
type Design = { start: Int32Array; slot: Int32Array; value: Float64Array };

function design(rows: SparseRow[], slotOf: Int32Array, scale: (j: number) => number): Design {
  let nnz = rows.length;
  for (const r of rows) nnz += r.index.length;
  const start = new Int32Array(rows.length + 1);
  const slot = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  let at = 0;
  const pairs: [number, number][] = [];
  rows.forEach((r, i) => {
    start[i] = at;
    slot[at] = 0;
    value[at++] = 1;
    pairs.length = 0;
    let sorted = true;
    for (let k = 0; k < r.index.length; k++) {
      const s = slotOf[r.index[k]];
      if (s <= 0) continue;
      if (pairs.length && s <= pairs[pairs.length - 1][0]) sorted = false;
      pairs.push([s, r.value[k] / scale(r.index[k])]);
    }
    if (!sorted) pairs.sort((a, b) => a[0] - b[0]);
    for (const [s, v] of pairs) {
      if (slot[at - 1] === s && at - 1 > start[i]) value[at - 1] += v;
      else {
        slot[at] = s;
        value[at++] = v;
      }
    }
  });
  start[rows.length] = at;
  return { start, slot, value };
}

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
  const slotOf = new Int32Array(p).fill(-1);
  const kept: number[] = [];
  sd.forEach((s, j) => {
    if (s > 1e-12) slotOf[j] = kept.push(j);
  });
  const m = kept.length + 1;
  const unit = options.standardize;
  const scale = (j: number) => (unit && unit[j] === false ? 1 : sd[j]);
  const x = design(rows, slotOf, scale);
  const beta = new Float64Array(m);
  if (options.start) {
    beta[0] = options.start.intercept;
    kept.forEach((j, k) => (beta[k + 1] = (options.start!.weights[j] ?? 0) * scale(j)));
  }
  let converged = false;
  let iterations = 0;
  // The penalised Hessian, m × m row-major (upper triangle accumulated, mirrored below).
  const h = new Float64Array(m * m);
  const grad = new Float64Array(m);
  for (; iterations < maxIterations && !converged; iterations++) {
    h.fill(0);
    grad.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const from = x.start[i];
      const to = x.start[i + 1];
      let z = 0;
      for (let a = from; a < to; a++) z += beta[x.slot[a]] * x.value[a];
      const mu = sigmoid(z);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const resid = y[i] - mu;
      for (let a = from; a < to; a++) {
        const va = x.value[a];
        grad[x.slot[a]] += resid * va;
        const row = x.slot[a] * m;
        const wa = w * va;
        for (let b = a; b < to; b++) h[row + x.slot[b]] += wa * x.value[b];
      }
    }
    for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) h[b * m + a] = h[a * m + b];
    for (let j = 1; j < m; j++) {
      h[j * m + j] += lambda;
      grad[j] -= lambda * beta[j];
    }
    const step = solveSpd(h, m, grad);
    let largest = 0;
    let size = 0;
    for (let j = 0; j < m; j++) {
      // Damped: a step of more than 10 log-odds per standardised unit only happens on the way to
      // separation; capping it keeps the unpenalised case from overflowing.
      const d = Math.max(-10, Math.min(10, step[j]));
      beta[j] += d;
      largest = Math.max(largest, Math.abs(d));
      size = Math.max(size, Math.abs(beta[j]));
    }
    if (largest < tolerance * (1 + size)) converged = true;
  }
  const variance = options.stdErrors === false ? null : ridgeVariance(h, m, lambda);
  const weights = new Array<number>(p).fill(0);
  const stdErrors = new Array<number | null>(p).fill(null);
  kept.forEach((j, k) => {
    weights[j] = beta[k + 1] / scale(j);
    const v = variance?.[k + 1];
    stdErrors[j] = v !== undefined && v >= 0 && Number.isFinite(v) ? Math.sqrt(v) / scale(j) : null;
  });
  const v0 = variance?.[0];
  return {
    intercept: beta[0],
    weights,
    interceptStdError: v0 !== undefined && v0 >= 0 && Number.isFinite(v0) ? Math.sqrt(v0) : null,
    stdErrors,
    iterations,
    converged,
  };
}

/**
 * In place: the lower Cholesky factor L of a symmetric m × m matrix (row-major, lower triangle
 * read), H = L·Lᵀ. False when H is not (numerically) positive definite.
 */
function cholesky(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    const rj = j * m;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0) || !Number.isFinite(d)) return false;
    d = Math.sqrt(d);
    a[rj + j] = d;
    for (let i = j + 1; i < m; i++) {
      const ri = i * m;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / d;
    }
  }
  return true;
}

/** The diagonal of the ridge covariance H⁻¹·(H − λE)·H⁻¹ = H⁻¹ − λ·H⁻¹E H⁻¹ (E: identity but the intercept). */
function ridgeVariance(h: Float64Array, m: number, lambda: number): Float64Array | null {
  const l = Float64Array.from(h);
  if (!cholesky(l, m)) {
    const covariance = ridgeCovariance(h, m, lambda);
    return covariance ? Float64Array.from({ length: m }, (_, j) => covariance.get(j, j)) : null;
  }
  // L⁻¹ (lower triangular, row-major), then H⁻¹ = L⁻ᵀ·L⁻¹: (H⁻¹)ᵢⱼ = Σₖ L⁻¹ₖᵢ·L⁻¹ₖⱼ, k ≥ max(i, j).
  const inv = new Float64Array(m * m);
  for (let c = 0; c < m; c++) {
    inv[c * m + c] = 1 / l[c * m + c];
    for (let i = c + 1; i < m; i++) {
      let s = 0;
      for (let k = c; k < i; k++) s -= l[i * m + k] * inv[k * m + c];
      inv[i * m + c] = s / l[i * m + i];
    }
  }
  // Column j of H⁻¹ as needed: the diagonal and, for λ > 0, the sum of squares over slopes.
  const hInv = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < m; k++) s += inv[k * m + i] * inv[k * m + j];
      hInv[i * m + j] = s;
      hInv[j * m + i] = s;
    }
  const variance = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let v = hInv[j * m + j];
    if (lambda !== 0) {
      let sq = 0;
      for (let k = 1; k < m; k++) sq += hInv[j * m + k] * hInv[j * m + k];
      v -= lambda * sq;
    }
    variance[j] = v;
  }
  return variance;
}

/** The full ridge covariance by pseudo-inverse: only when H is not positive definite (λ = 0, collinear columns). */
function ridgeCovariance(h: Float64Array, m: number, lambda: number): Matrix | null {
  try {
    const hessian = new Matrix(
      Array.from({ length: m }, (_, i) => Array.from(h.subarray(i * m, (i + 1) * m))),
    );
    const hInv = inverse(hessian, true);
    if (lambda === 0) return hInv;
    const information = hessian.clone();
    for (let j = 1; j < m; j++) information.set(j, j, information.get(j, j) - lambda);
    return hInv.mmul(information).mmul(hInv);
  } catch {
    return null;
  }
}

/** Solves H·x = g for a symmetric positive-definite H (Cholesky), falling back to a pseudo-inverse. */
function solveSpd(h: Float64Array, m: number, g: Float64Array): Float64Array {
  const l = Float64Array.from(h);
  if (!cholesky(l, m)) {
    const hessian = new Matrix(
      Array.from({ length: m }, (_, i) => Array.from(h.subarray(i * m, (i + 1) * m))),
    );
    const x = inverse(hessian, true)
      .mmul(Matrix.columnVector(Array.from(g)))
      .getColumn(0);
    return Float64Array.from(x);
  }
  // L·u = g, then Lᵀ·x = u.
  const x = Float64Array.from(g);
  for (let i = 0; i < m; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * x[k];
    x[i] = s / l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * x[k];
    x[i] = s / l[i * m + i];
  }
  return x;
}
