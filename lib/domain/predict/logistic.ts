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
import { cholesky, ridgeVariance, solveCholesky, solvePseudo } from "./spd";

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
  /**
   * A previous fit to start from (warm start along a path of λ, or from a subset of the rows):
   * its weights, and its curvature as the first Hessian when it has one on the same columns.
   */
  start?: Pick<LogisticFit, "intercept" | "weights"> & { curvature?: Curvature };
};

export type LogisticFit = {
  intercept: number;
  weights: number[];
  interceptStdError: number | null;
  stdErrors: (number | null)[];
  iterations: number;
  converged: boolean;
  /** The last Hessian computed (without the penalty), to start a related fit from. */
  curvature?: Curvature;
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

/** Σ w·x·xᵀ (no penalty) over `rows` rows at some weights, in the columns' own units: intercept first, then `columns`. */
export type Curvature = { gram: Float64Array; columns: Int32Array; rows: number };

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
  const slotScale = Float64Array.from({ length: m }, (_, k) => (k === 0 ? 1 : scale(kept[k - 1])));
  const x = design(rows, slotOf, scale);
  const beta = new Float64Array(m);
  if (options.start) {
    beta[0] = options.start.intercept;
    kept.forEach((j, k) => (beta[k + 1] = (options.start!.weights[j] ?? 0) * scale(j)));
  }

  // The unpenalised Hessian XᵀWX on the standardised slots (m × m, row-major), exact at the
  // current β when `fresh`; and its penalised Cholesky factor (null: not positive definite).
  let gram = startingGram(options.start?.curvature, kept, slotScale, rows.length);
  let fresh = gram === null;
  if (!gram) gram = hessian(x, beta, m);
  let factor = factorise(gram, m, lambda);
  let converged = false;
  let iterations = 0;
  let previous = Infinity;
  for (; iterations < 4 * maxIterations && !converged; iterations++) {
    if (!factor && !fresh) {
      gram = hessian(x, beta, m);
      fresh = true;
      factor = factorise(gram, m, lambda);
    }
    const grad = gradient(x, y, beta, m);
    for (let j = 1; j < m; j++) grad[j] -= lambda * beta[j];
    const step = factor ? solveCholesky(factor, m, grad) : solvePseudo(gram, m, lambda, grad);
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
    // The Hessian is kept while the steps shrink fast (a simplified Newton step costs one pass
    // over the rows, a Hessian nnz/2 passes); when they do not, it is recomputed — plain Newton.
    else if (largest > 0.5 * previous || iterations + 1 >= maxIterations) {
      gram = hessian(x, beta, m);
      fresh = true;
      factor = factorise(gram, m, lambda);
    } else fresh = false;
    previous = largest;
  }
  if (options.stdErrors !== false && !fresh) {
    gram = hessian(x, beta, m);
    fresh = true;
  }
  const variance = options.stdErrors === false ? null : ridgeVariance(gram, m, lambda);
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
    curvature: {
      gram: rescaled(gram, m, slotScale, 1, false),
      columns: Int32Array.from(kept),
      rows: rows.length,
    },
  };
}

/**
 * A previous fit's curvature as a starting Hessian on these slots: scaled to this fit's rows and
 * standardisation, null when the informative columns differ (then it is computed).
 */
function startingGram(
  c: Curvature | undefined,
  kept: number[],
  slotScale: Float64Array,
  rows: number,
): Float64Array | null {
  if (!c || !c.rows || c.columns.length !== kept.length) return null;
  if (kept.some((j, k) => c.columns[k] !== j)) return null;
  return rescaled(c.gram, kept.length + 1, slotScale, rows / c.rows, true);
}

/** g·ratio·sₐ·s_b (or divided by sₐ·s_b) for each entry (a, b) of an m × m matrix: a new array. */
function rescaled(
  g: Float64Array,
  m: number,
  s: Float64Array,
  ratio: number,
  divide: boolean,
): Float64Array {
  const out = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    const sa = s[a];
    for (let b = 0; b < m; b++) {
      const ab = sa * s[b];
      out[a * m + b] = divide ? (g[a * m + b] * ratio) / ab : g[a * m + b] * ratio * ab;
    }
  }
  return out;
}

/** XᵀWX at β: the upper triangle accumulated row by row (slots ascending), mirrored below. */
function hessian(x: Design, beta: Float64Array, m: number): Float64Array {
  const h = new Float64Array(m * m);
  const n = x.start.length - 1;
  for (let i = 0; i < n; i++) {
    const from = x.start[i];
    const to = x.start[i + 1];
    let z = 0;
    for (let a = from; a < to; a++) z += beta[x.slot[a]] * x.value[a];
    const mu = sigmoid(z);
    const w = Math.max(mu * (1 - mu), 1e-12);
    for (let a = from; a < to; a++) {
      const row = x.slot[a] * m;
      const wa = w * x.value[a];
      for (let b = a; b < to; b++) h[row + x.slot[b]] += wa * x.value[b];
    }
  }
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) h[b * m + a] = h[a * m + b];
  return h;
}

/** Xᵀ(y − μ) at β: the log-likelihood's gradient (no penalty). */
function gradient(x: Design, y: number[], beta: Float64Array, m: number): Float64Array {
  const g = new Float64Array(m);
  const n = x.start.length - 1;
  for (let i = 0; i < n; i++) {
    const from = x.start[i];
    const to = x.start[i + 1];
    let z = 0;
    for (let a = from; a < to; a++) z += beta[x.slot[a]] * x.value[a];
    const resid = y[i] - sigmoid(z);
    for (let a = from; a < to; a++) g[x.slot[a]] += resid * x.value[a];
  }
  return g;
}

/** The Cholesky factor of XᵀWX + λE (E: identity but the intercept), or null. */
function factorise(gram: Float64Array, m: number, lambda: number): Float64Array | null {
  const l = Float64Array.from(gram);
  for (let j = 1; j < m; j++) l[j * m + j] += lambda;
  return cholesky(l, m) ? l : null;
}
