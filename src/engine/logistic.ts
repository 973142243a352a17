/**
 * PLCC after the VQEG 4-parameter logistic mapping.
 *
 * Quality-assessment papers fit f(x) = β2 + (β1 − β2) / (1 + exp(−(x − β3) / |β4|)) from a method's
 * predictions x to the MOS y, then report the PLCC of f(x) against y: it forgives a monotone but
 * non-linear scale. The fit (logistic-fit.ts) is a deterministic damped Newton on the (weighted)
 * squared error with analytic derivatives, on the data grouped by distinct prediction: a group's mean
 * score and total weight give the same optimum with one exponential per group. It agrees with
 * scipy.optimize.curve_fit where both find an optimum.
 *
 * A fit that is not identified gives no figure, never the point where an iteration cap stopped it:
 * with four or fewer distinct predictions four parameters can pass through every point; and where the
 * parameters run off (a near-linear relation makes the best logistic a straight line, β4 → ∞) there is
 * no optimum to report. Convergence means the Gauss–Newton step, the distance to the optimum the local
 * model predicts, has shrunk below 1e-10 of the parameters; an asymptote never gets there.
 */

import { fitGroups, groupBuffers, groupByX, LOGISTIC_MAX_ITERATIONS, logistic4, type GroupBuffers, type Groups, type LogisticParams } from "./logistic-fit.ts";
import { weightedPearson, type Weights } from "./pearson.ts";
import { denseRanks, type DenseRanks } from "./rank-data.ts";
import { assertPaired, type Numbers } from "./validate.ts";

export { LOGISTIC_MAX_ITERATIONS, logistic4, type LogisticParams } from "./logistic-fit.ts";

/** The fitted parameters and how the fit ended. */
export interface LogisticFit {
  readonly params: LogisticParams;
  /** Weighted sum of squared residuals at `params`. */
  readonly sse: number;
  readonly iterations: number;
  /** Whether the fit reached an optimum; a fit stopped by its iteration cap or at a singular point did not. */
  readonly converged: boolean;
}

/** Why a PLCC after the logistic mapping is absent. */
export type LogisticAbsence = "constant" | "too-few-points" | "no-optimum";

/** What a page says where the figure is absent. */
export const LOGISTIC_ABSENCE_REASONS: Readonly<Record<LogisticAbsence, string>> = {
  constant: "the predictions or the human scores are constant, so there is no relation to map",
  "too-few-points": "fewer than five distinct predictions: the logistic's four parameters can pass through four points, so no fit is identified",
  "no-optimum": "the logistic fit found no optimum: its parameters run off (for instance towards a straight line) instead of settling",
};

/** A PLCC after the logistic mapping, or why there is none. */
export type LogisticPlcc = { readonly value: number; readonly reason: null } | { readonly value: null; readonly reason: LogisticAbsence };

/** Fewest distinct predictions that identify four parameters. */
const FEWEST_POINTS = 5;

/** `x` mapped through a fitted logistic. */
export function applyLogistic(params: LogisticParams, x: Numbers): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = logistic4(params, x[i] as number);
  return out;
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


/** Why grouped data identify no logistic before any fitting, or null when they may. */
function absenceBeforeFit(groups: Groups): LogisticAbsence | null {
  if (groups.count < 2 || groups.constantY) return "constant";
  return groups.count < FEWEST_POINTS ? "too-few-points" : null;
}

/** The weighted squared error of the logistic at p over the items. */
function sumOfSquares(x: Numbers, y: Numbers, weights: Weights, p: LogisticParams): number {
  let sse = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    const r = (y[i] as number) - logistic4(p, x[i] as number);
    sse += w * r * r;
  }
  return sse;
}

/**
 * Fits the 4-parameter logistic by damped Newton (`fitGroups`). `weights` count repeated items (bootstrap
 * resamples); `start` defaults to `logisticStart`. Null where there is nothing to fit: x or y constant,
 * or fewer than five distinct x values carrying weight (not identified). A fit with `converged` false
 * found no optimum (see the module comment) and must not be reported.
 */
export function fitLogistic(
  x: Numbers,
  y: Numbers,
  weights: Weights = null,
  start: LogisticParams | null = logisticStart(x, y),
  maxIterations = LOGISTIC_MAX_ITERATIONS,
): LogisticFit | null {
  const pair = logisticPair(x, y, ["x", "y"]);
  const groups = groupByX(pair.levels, pair.y, pair.ranks, weights, pair.buffers);
  if (start === null || absenceBeforeFit(groups) !== null) return null;
  const fit = fitGroups(groups, start, maxIterations);
  return { ...fit, sse: sumOfSquares(x, y, weights, fit.params) };
}

/** Paired data ranked by prediction once, for logistic PLCCs of the original data and of resamples. */
interface LogisticPair {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly ranks: DenseRanks;
  /** The distinct predictions in ascending order (group g's value at g). */
  readonly levels: Float64Array;
  /** Working space of the grouping and of the mapped predictions, reused by every resample. */
  readonly buffers: GroupBuffers;
  readonly mapped: Float64Array;
}

/** Validates the pair (errors name the arrays as `names` say) and ranks its predictions. */
function logisticPair(pred: Numbers, mos: Numbers, names: readonly [string, string] = ["pred", "mos"]): LogisticPair {
  assertPaired(pred, mos, ...names);
  const x = pred instanceof Float64Array ? pred : Float64Array.from(pred);
  const y = mos instanceof Float64Array ? mos : Float64Array.from(mos);
  const ranks = denseRanks(x);
  const levels = new Float64Array(ranks.distinct);
  const rank = ranks.rank;
  for (let i = 0; i < x.length; i++) levels[rank[i] as number] = x[i] as number;
  return { x, y, ranks, levels, buffers: groupBuffers(ranks.distinct), mapped: new Float64Array(x.length) };
}

/** The fit from `start` and the PLCC of the mapped predictions, or why there is none. */
function fitAndCorrelate(pair: LogisticPair, weights: Weights, start: LogisticParams | null): { result: LogisticPlcc; params: LogisticParams | null } {
  const groups = groupByX(pair.levels, pair.y, pair.ranks, weights, pair.buffers);
  const absence = start === null ? "constant" : absenceBeforeFit(groups);
  if (absence !== null || start === null) return { result: { value: null, reason: absence ?? "constant" }, params: null };
  const fit = fitGroups(groups, start, LOGISTIC_MAX_ITERATIONS);
  if (!fit.converged) return { result: { value: null, reason: "no-optimum" }, params: null };
  // An item's mapped value is its group's: one exponential per distinct prediction.
  const mappedLevels = applyLogistic(fit.params, pair.levels);
  const mapped = pair.mapped;
  const rank = pair.ranks.rank;
  for (let i = 0; i < mapped.length; i++) mapped[i] = mappedLevels[rank[i] as number] as number;
  const value = weightedPearson(mapped, pair.y, weights);
  return { result: value === null ? { value: null, reason: "constant" } : { value, reason: null }, params: fit.params };
}

/**
 * A logistic PLCC kernel for one pair, for the original data (no weights) and any weighted resample:
 * the ranking by prediction is done once, and resamples start from the original data's optimum (when
 * it has one), which they reach in a few steps.
 */
export function prepareLogisticPlcc(pred: Numbers, mos: Numbers): (weights?: Weights) => LogisticPlcc {
  const pair = logisticPair(pred, mos);
  const conventional = logisticStart(pair.x, pair.y);
  let original: { result: LogisticPlcc; params: LogisticParams | null } | undefined;
  return (weights: Weights = null) => {
    original ??= fitAndCorrelate(pair, null, conventional);
    if (weights === null) return original.result;
    return fitAndCorrelate(pair, weights, original.params ?? conventional).result;
  };
}

/** PLCC after the 4-parameter logistic mapping, pearson(f(pred), mos) with f fitted from pred to mos from the conventional start, or why there is none. */
export function logisticPlcc(pred: Numbers, mos: Numbers, weights: Weights = null): LogisticPlcc {
  const pair = logisticPair(pred, mos);
  return fitAndCorrelate(pair, weights, logisticStart(pair.x, pair.y)).result;
}

/** PLCC after the 4-parameter logistic mapping, or null where the fit is not identified (`logisticPlcc` says why). */
export function plccLogistic(pred: Numbers, mos: Numbers, weights: Weights = null): number | null {
  return logisticPlcc(pred, mos, weights).value;
}
