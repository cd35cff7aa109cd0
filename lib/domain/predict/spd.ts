/**
 * Dense symmetric positive-definite algebra for the logistic fit, on flat row-major Float64Arrays
 * (m × m): Cholesky factor, solves, and the diagonal of the ridge covariance. ml-matrix's
 * pseudo-inverse is the fallback when a matrix is singular (an unpenalised fit on collinear columns).
 */
import { inverse, Matrix } from "ml-matrix";

/**
 * In place: the lower Cholesky factor L of a symmetric m × m matrix (row-major, lower triangle
 * read), H = L·Lᵀ. False when H is not (numerically) positive definite.
 */
export function cholesky(a: Float64Array, m: number): boolean {
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

/**
 * The diagonal of the ridge covariance H⁻¹·(H − λE)·H⁻¹ = H⁻¹ − λ·H⁻¹E H⁻¹, H = XᵀWX + λE the
 * penalised Hessian (E: identity but the intercept); `gram` is XᵀWX.
 */
export function ridgeVariance(gram: Float64Array, m: number, lambda: number): Float64Array | null {
  const h = Float64Array.from(gram);
  for (let j = 1; j < m; j++) h[j * m + j] += lambda;
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
    const hessian = asMatrix(h, m);
    const hInv = inverse(hessian, true);
    if (lambda === 0) return hInv;
    const information = hessian.clone();
    for (let j = 1; j < m; j++) information.set(j, j, information.get(j, j) - lambda);
    return hInv.mmul(information).mmul(hInv);
  } catch {
    return null;
  }
}

/** Solves (H + λE)·x = g from the Cholesky factor L of H + λE: L·u = g, then Lᵀ·x = u. */
export function solveCholesky(l: Float64Array, m: number, g: Float64Array): Float64Array {
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

/** Solves (H + λE)·x = g by pseudo-inverse, when H + λE is singular (λ = 0, collinear columns). */
export function solvePseudo(
  h: Float64Array,
  m: number,
  lambda: number,
  g: Float64Array,
): Float64Array {
  const penalised = Float64Array.from(h);
  for (let j = 1; j < m; j++) penalised[j * m + j] += lambda;
  const x = inverse(asMatrix(penalised, m), true).mmul(Matrix.columnVector(Array.from(g)));
  return Float64Array.from(x.getColumn(0));
}

const asMatrix = (h: Float64Array, m: number) =>
  new Matrix(Array.from({ length: m }, (_, i) => Array.from(h.subarray(i * m, (i + 1) * m))));
