/**
 * PLCC after the VQEG 4-parameter logistic mapping.
 *
 * Quality-assessment papers fit f(x) = β2 + (β1 − β2) / (1 + exp(−(x − β3) / |β4|)) from a method's
 * predictions x to the MOS y, then report the PLCC of f(x) against y: it forgives a monotone but
 * non-linear scale. The fit is a deterministic Levenberg–Marquardt on the (weighted) squared error, so
 * the same data always give the same parameters; it agrees with scipy.optimize.curve_fit to the
 * tolerance of a numerical optimum (about 1e-6 on PLCC), not to the last bit.
 */

import { weightedPearson, type Weights } from "./correlation.ts";
import { assertPaired, type Numbers } from "./validate.ts";

/** The four parameters: β1 upper asymptote, β2 lower asymptote, β3 midpoint, β4 scale. */
export type LogisticParams = readonly [number, number, number, number];

/** The fitted parameters and how the fit ended. */
export interface LogisticFit {
  readonly params: LogisticParams;
  /** Weighted sum of squared residuals at `params`. */
  readonly sse: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** f(x) for the given parameters. */
export function logistic4(params: LogisticParams, x: number): number {
  const [b1, b2, b3, b4] = params;
  return b2 + (b1 - b2) / (1 + Math.exp(-(x - b3) / Math.abs(b4)));
}

function sumOfSquares(x: Numbers, y: Numbers, weights: Weights, p: LogisticParams): number {
  let sse = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    if (w === 0) continue;
    const r = (y[i] as number) - logistic4(p, x[i] as number);
    sse += w * r * r;
  }
  return sse;
}

/** Solves the 4×4 system a·d = b by Gaussian elimination with partial pivoting; null if singular. */
function solve4(a: Float64Array, b: Float64Array): Float64Array | null {
  const m = Float64Array.from(a);
  const v = Float64Array.from(b);
  for (let col = 0; col < 4; col++) {
    let pivot = col;
    for (let row = col + 1; row < 4; row++) {
      if (Math.abs(m[row * 4 + col] as number) > Math.abs(m[pivot * 4 + col] as number)) pivot = row;
    }
    const p = m[pivot * 4 + col] as number;
    if (p === 0 || !Number.isFinite(p)) return null;
    if (pivot !== col) {
      for (let k = 0; k < 4; k++) {
        const t = m[col * 4 + k] as number;
        m[col * 4 + k] = m[pivot * 4 + k] as number;
        m[pivot * 4 + k] = t;
      }
      const t = v[col] as number;
      v[col] = v[pivot] as number;
      v[pivot] = t;
    }
    for (let row = col + 1; row < 4; row++) {
      const f = (m[row * 4 + col] as number) / p;
      for (let k = col; k < 4; k++) m[row * 4 + k]! -= f * (m[col * 4 + k] as number);
      v[row]! -= f * (v[col] as number);
    }
  }
  const d = new Float64Array(4);
  for (let row = 3; row >= 0; row--) {
    let s = v[row] as number;
    for (let k = row + 1; k < 4; k++) s -= (m[row * 4 + k] as number) * (d[k] as number);
    d[row] = s / (m[row * 4 + row] as number);
  }
  return d;
}

/**
 * The conventional starting point: asymptotes at the extremes of y, midpoint at the mean of x, scale
 * at the (population) SD of x. Returns null when x or y is constant: then there is nothing to fit.
 */
export function logisticStart(x: Numbers, y: Numbers): LogisticParams | null {
  const n = x.length;
  if (n === 0) return null;
  let maxY = -Infinity;
  let minY = Infinity;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    maxY = Math.max(maxY, y[i] as number);
    minY = Math.min(minY, y[i] as number);
    sumX += x[i] as number;
  }
  const meanX = sumX / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((x[i] as number) - meanX) ** 2;
  const sdX = Math.sqrt(ss / n);
  if (sdX === 0 || maxY === minY) return null;
  return [maxY, minY, meanX, sdX];
}

/**
 * Fits the 4-parameter logistic by Levenberg–Marquardt (Marquardt's diagonal scaling, λ ×/÷ 10).
 * `weights` count repeated items (bootstrap resamples); `start` defaults to `logisticStart`.
 */
export function fitLogistic(
  x: Numbers,
  y: Numbers,
  weights: Weights = null,
  start: LogisticParams | null = logisticStart(x, y),
  maxIterations = 500,
): LogisticFit | null {
  assertPaired(x, y);
  if (start === null) return null;
  let p: LogisticParams = start;
  let sse = sumOfSquares(x, y, weights, p);
  let lambda = 1e-3;
  const a = new Float64Array(16);
  const g = new Float64Array(4);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    a.fill(0);
    g.fill(0);
    const [b1, b2, b3, b4] = p;
    const scale = Math.abs(b4);
    const sign = b4 < 0 ? -1 : 1;
    for (let i = 0; i < x.length; i++) {
      const w = weights === null ? 1 : (weights[i] as number);
      if (w === 0) continue;
      const xi = x[i] as number;
      const s = 1 / (1 + Math.exp(-(xi - b3) / scale));
      const ds = (b1 - b2) * s * (1 - s);
      const j0 = s;
      const j1 = 1 - s;
      const j2 = -ds / scale;
      const j3 = (-ds * (xi - b3) * sign) / (b4 * b4);
      const r = (y[i] as number) - (b2 + (b1 - b2) * s);
      const jac = [j0, j1, j2, j3];
      for (let u = 0; u < 4; u++) {
        const ju = (jac[u] as number) * w;
        g[u]! += ju * r;
        for (let v = u; v < 4; v++) a[u * 4 + v]! += ju * (jac[v] as number);
      }
    }
    for (let u = 0; u < 4; u++) for (let v = 0; v < u; v++) a[u * 4 + v] = a[v * 4 + u] as number;
    // Try damped steps until one lowers the error; give up (converged) when no step can.
    for (;;) {
      const damped = Float64Array.from(a);
      for (let u = 0; u < 4; u++) damped[u * 5]! *= 1 + lambda;
      const d = solve4(damped, g);
      if (d === null) {
        lambda *= 10;
        if (lambda > 1e20) {
          converged = true;
          break;
        }
        continue;
      }
      const next: LogisticParams = [
        b1 + (d[0] as number),
        b2 + (d[1] as number),
        b3 + (d[2] as number),
        b4 + (d[3] as number),
      ];
      const nextSse = sumOfSquares(x, y, weights, next);
      if (nextSse <= sse) {
        const relative = (sse - nextSse) / Math.max(sse, Number.MIN_VALUE);
        const stepSize = Math.hypot(d[0] as number, d[1] as number, d[2] as number, d[3] as number);
        const size = Math.hypot(...next);
        p = next;
        sse = nextSse;
        lambda = Math.max(lambda / 10, 1e-12);
        if (relative < 1e-15 || stepSize <= 1e-13 * (size + 1e-13)) converged = true;
        break;
      }
      lambda *= 10;
      if (lambda > 1e20) {
        converged = true;
        break;
      }
    }
  }
  return { params: p, sse, iterations, converged };
}

/** `pred` mapped through a fitted logistic. */
export function applyLogistic(params: LogisticParams, x: Numbers): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = logistic4(params, x[i] as number);
  return out;
}

/**
 * PLCC after the 4-parameter logistic mapping: pearson(f(pred), mos), with f fitted from pred to mos.
 * Null when either side is constant or the fit stopped at its iteration cap (that is no optimum).
 */
export function plccLogistic(pred: Numbers, mos: Numbers, weights: Weights = null): number | null {
  const fit = fitLogistic(pred, mos, weights);
  if (fit === null || !fit.converged) return null;
  return weightedPearson(applyLogistic(fit.params, pred), mos, weights);
}
