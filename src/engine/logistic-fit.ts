/**
 * The numerical fit of the 4-parameter logistic: the data grouped by distinct x, analytic first and
 * second derivatives, and a damped Newton iteration with a convergence test that an asymptote cannot pass
 * (see `fitGroups`).
 */

import type { Weights } from "./pearson.ts";
import type { DenseRanks } from "./rank-data.ts";
import type { Numbers } from "./validate.ts";

/** The four parameters: β1 upper asymptote, β2 lower asymptote, β3 midpoint, β4 scale. */
export type LogisticParams = readonly [number, number, number, number];

/** f(x) for the given parameters. */
export function logistic4(params: LogisticParams, x: number): number {
  const [b1, b2, b3, b4] = params;
  return b2 + (b1 - b2) / (1 + Math.exp(-(x - b3) / Math.abs(b4)));
}

/** The most damped Newton iterations; a fit with an optimum needs a dozen at most. */
export const LOGISTIC_MAX_ITERATIONS = 200;
/** Convergence: the Gauss–Newton step is below this fraction of the parameters' size. */
const STEP_TOLERANCE = 1e-10;
/** Newton's matrix (the full Hessian) is used once the Gauss–Newton step is below this fraction of the parameters. */
const NEWTON_RANGE = 1e-2;
/** Iterations in a row with the Gauss–Newton step longer than the parameters after which they are running off. */
const RUNNING_OFF = 25;
/** Relative changes of the squared error below this are rounding, not progress. */
const ROUNDING = 1e-12;

/** Paired data collapsed to one point per distinct x: its total weight and weighted mean y. */
export interface Groups {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly weight: Float64Array;
  readonly count: number;
  /** Whether every item carrying weight has the same y. */
  readonly constantY: boolean;
}

/** Buffers for `groupByX`, each as long as x has distinct values; reused from one resample to the next. */
export interface GroupBuffers {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly weight: Float64Array;
}

/** Group buffers for data with `distinct` values of x. */
export function groupBuffers(distinct: number): GroupBuffers {
  return { x: new Float64Array(distinct), y: new Float64Array(distinct), weight: new Float64Array(distinct) };
}

/**
 * The groups of a weighted sample by dense rank of x, in `into` (views of it); groups without weight are
 * left out. `levels` holds the distinct x values in ascending order.
 */
export function groupByX(levels: Float64Array, y: Numbers, ranks: DenseRanks, weights: Weights, into: GroupBuffers): Groups {
  const weightOf = into.weight.fill(0);
  const sumY = into.y.fill(0);
  const xOf = into.x;
  let minY = Infinity;
  let maxY = -Infinity;
  const rank = ranks.rank;
  for (let i = 0; i < y.length; i++) {
    const g = rank[i] as number;
    const w = weights === null ? 1 : (weights[i] as number);
    const yi = y[i] as number;
    weightOf[g]! += w;
    sumY[g]! += w * yi;
    if (w > 0) {
      minY = Math.min(minY, yi);
      maxY = Math.max(maxY, yi);
    }
  }
  let count = 0;
  for (let g = 0; g < ranks.distinct; g++) {
    const w = weightOf[g] as number;
    if (w === 0) continue;
    xOf[count] = levels[g] as number;
    sumY[count] = (sumY[g] as number) / w;
    weightOf[count] = w;
    count++;
  }
  return { x: xOf.subarray(0, count), y: sumY.subarray(0, count), weight: weightOf.subarray(0, count), count, constantY: !(maxY > minY) };
}



/**
 * The squared error at p, the gradient g = JᵀWr, the Gauss–Newton matrix JᵀWJ and the Hessian of half the
 * squared error, JᵀWJ − Σ w·r·∇²f (4×4, row-major).
 */
interface Evaluation {
  readonly sse: number;
  readonly gradient: Float64Array;
  readonly gaussNewton: Float64Array;
  readonly hessian: Float64Array;
}

/** One pass over the groups: residuals, squared error, and the first and second derivatives of f at p. */
function evaluate(groups: Groups, p: LogisticParams): Evaluation {
  const [b1, b2, b3, b4] = p;
  const span = b1 - b2;
  const scale = Math.abs(b4);
  const sign = b4 < 0 ? -1 : 1;
  let sse = 0;
  let a00 = 0, a01 = 0, a02 = 0, a03 = 0, a11 = 0, a12 = 0, a13 = 0, a22 = 0, a23 = 0, a33 = 0;
  let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
  // Σ w·r times the second derivatives' shared factors: ∂²f/∂β1∂β3 = −s'/c, ∂²f/∂β1∂β4 = −s'·z·sign/c (β2: the
  // negatives, β1 and β2 enter linearly), ∂²f/∂β3² = D·s''/c², ∂²f/∂β3∂β4 = D·sign·(s''z + s')/c²,
  // ∂²f/∂β4² = D·(s''z² + 2s'z)/c², with D = β1 − β2, c = |β4|, s' = s(1 − s), s'' = s'(1 − 2s).
  let r13 = 0, r14 = 0, r33 = 0, r34 = 0, r44 = 0;
  for (let k = 0; k < groups.count; k++) {
    const w = groups.weight[k] as number;
    const z = ((groups.x[k] as number) - b3) / scale;
    const s = 1 / (1 + Math.exp(-z));
    const r = (groups.y[k] as number) - (b2 + span * s);
    const slope = s * (1 - s);
    const curve = slope * (1 - 2 * s);
    const j0 = s;
    const j1 = 1 - s;
    const j2 = (-span * slope) / scale;
    const j3 = j2 * z * sign;
    const wr = w * r;
    sse += wr * r;
    g0 += j0 * wr;
    g1 += j1 * wr;
    g2 += j2 * wr;
    g3 += j3 * wr;
    const w0 = w * j0;
    const w1 = w * j1;
    const w2 = w * j2;
    a00 += w0 * j0;
    a01 += w0 * j1;
    a02 += w0 * j2;
    a03 += w0 * j3;
    a11 += w1 * j1;
    a12 += w1 * j2;
    a13 += w1 * j3;
    a22 += w2 * j2;
    a23 += w2 * j3;
    a33 += w * j3 * j3;
    r13 += wr * slope;
    r14 += wr * slope * z;
    r33 += wr * curve;
    r34 += wr * (curve * z + slope);
    r44 += wr * (curve * z * z + 2 * slope * z);
  }
  const c2 = scale * scale;
  // Σ w·r·∇²f, entry by entry.
  const s13 = -r13 / scale;
  const s14 = (-r14 * sign) / scale;
  const s33 = (span * r33) / c2;
  const s34 = (span * sign * r34) / c2;
  const s44 = (span * r44) / c2;
  const gaussNewton = Float64Array.of(a00, a01, a02, a03, a01, a11, a12, a13, a02, a12, a22, a23, a03, a13, a23, a33);
  const hessian = Float64Array.of(
    a00, a01, a02 - s13, a03 - s14,
    a01, a11, a12 + s13, a13 + s14,
    a02 - s13, a12 + s13, a22 - s33, a23 - s34,
    a03 - s14, a13 + s14, a23 - s34, a33 - s44,
  );
  return { sse, gradient: Float64Array.of(g0, g1, g2, g3), gaussNewton, hessian };
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
  return Array.prototype.every.call(d, Number.isFinite) ? d : null;
}

/** The Euclidean length of four numbers. */
function norm4(v: ArrayLike<number>): number {
  return Math.hypot(v[0] as number, v[1] as number, v[2] as number, v[3] as number);
}

/**
 * Damped Newton on the groups from `start` (Levenberg–Marquardt on the full Hessian): the step solves
 * (H + λ·diag(JᵀWJ))·d = g, λ adapted to how well the quadratic model predicted each step (Nielsen's
 * rule), so far from the optimum it is Marquardt's scaled gradient step and near it Newton's, which
 * converges quadratically where Gauss–Newton crawls on noisy data. Converged when the Gauss–Newton step,
 * the local model's distance to the optimum, is below `STEP_TOLERANCE` of the parameters; not converged
 * at the cap, where JᵀWJ turns singular, or where that step stays longer than the parameters themselves
 * (`RUNNING_OFF` iterations in a row: they run off, as towards a straight line).
 */
export function fitGroups(groups: Groups, start: LogisticParams, maxIterations: number): { params: LogisticParams; iterations: number; converged: boolean } {
  let p = start;
  let current = evaluate(groups, p);
  let newton = solve4(current.gaussNewton, current.gradient);
  let lambda = 1e-3;
  let nu = 2;
  let far = 0;
  for (let iterations = 0; iterations < maxIterations; ) {
    if (newton === null) return { params: p, iterations, converged: false };
    // The local model keeps placing the optimum beyond the parameters' own size: they are running off.
    far = norm4(newton) > norm4(p) ? far + 1 : 0;
    if (far > RUNNING_OFF) return { params: p, iterations, converged: false };
    if (norm4(newton) <= STEP_TOLERANCE * (norm4(p) + STEP_TOLERANCE)) return { params: p, iterations, converged: true };
    iterations++;
    // Far from the optimum the Hessian need not be positive definite; Gauss–Newton's matrix always is.
    const model = norm4(newton) <= NEWTON_RANGE * norm4(p) ? current.hessian : current.gaussNewton;
    const damped = Float64Array.from(model);
    for (let u = 0; u < 4; u++) damped[u * 5]! += lambda * (current.gaussNewton[u * 5] as number);
    const d = solve4(damped, current.gradient);
    // The reduction of the squared error the quadratic model predicts: 2dᵀg − dᵀMd.
    let predicted = 0;
    if (d !== null) {
      for (let u = 0; u < 4; u++) {
        let hd = 0;
        for (let v = 0; v < 4; v++) hd += (model[u * 4 + v] as number) * (d[v] as number);
        predicted += (d[u] as number) * (2 * (current.gradient[u] as number) - hd);
      }
    }
    if (d === null || !(predicted > 0)) {
      // The damped Hessian is not positive definite along the step: damp harder.
      lambda *= nu;
      nu *= 2;
      if (lambda > 1e16) return { params: p, iterations, converged: false };
      continue;
    }
    const next: LogisticParams = [p[0] + (d[0] as number), p[1] + (d[1] as number), p[2] + (d[2] as number), p[3] + (d[3] as number)];
    const trial = evaluate(groups, next);
    const trialNewton = solve4(trial.gaussNewton, trial.gradient);
    const actual = current.sse - trial.sse;
    // Close to the optimum the error changes by less than its own rounding, and cannot judge a step:
    // there a step is taken when it shortens the Gauss–Newton step (it brings the optimum closer).
    const unresolved = Math.abs(actual) <= ROUNDING * current.sse && predicted <= ROUNDING * current.sse;
    const better = unresolved ? trialNewton !== null && norm4(trialNewton) < norm4(newton) : actual > 0;
    if (better && Number.isFinite(trial.sse)) {
      p = next;
      current = trial;
      newton = trialNewton;
      lambda *= unresolved ? 0.1 : Math.max(0.1, 1 - (2 * (actual / predicted) - 1) ** 3);
      nu = 2;
    } else {
      lambda *= nu;
      nu *= 2;
      // No step, however short, lowers the error, yet the Gauss–Newton step is not small: stuck short of an optimum.
      if (lambda > 1e16) return { params: p, iterations, converged: false };
    }
  }
  return { params: p, iterations: maxIterations, converged: false };
}
