/**
 * Calibrating an automatic evaluator at the level its figure is used: T2V model means. A line from the
 * evaluator's model means to the humans' over the pool models, its leave-one-model-out residuals, the
 * no-skill baseline (predicting a left-out model by the other models' human mean), and the split-conformal
 * half-width those residuals give for a model the calibration never saw.
 */
import type { WeightedStatistic } from "./bootstrap.ts";
import { applyLine, leastSquaresLine, type Line } from "./calibration.ts";
import { createRandom } from "./random.ts";
import { assertPaired, type Numbers } from "./validate.ts";

/** What a model-mean calibration found over the pool models. */
export interface ModelMeanCalibration {
  /** The line from the evaluator's model mean to the humans' model mean, fitted on every pool model. */
  readonly line: Line;
  /** Per model (input order): human mean minus the prediction of the line fitted without that model. */
  readonly residuals: Float64Array;
  /** Per model: human mean minus the other models' human mean (the no-skill baseline's error). */
  readonly baselineResiduals: Float64Array;
  /** Root mean square of `residuals` and of `baselineResiduals`. */
  readonly rmse: number;
  readonly baselineRmse: number;
  /** Whether the held-out line predicts a left-out model better than the other models' mean does. */
  readonly skill: boolean;
}

/** The fewest models a model-mean calibration is fitted on: each left-out line needs two other models. */
export const MIN_CALIBRATION_MODELS = 3;

function rms(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return Math.sqrt(sum / values.length);
}

/**
 * Calibrates evaluator model means `x` against human model means `y` (one pair per pool model); null with
 * fewer than MIN_CALIBRATION_MODELS models or when a line (overall or without some model) is undefined.
 */
export function modelMeanCalibration(x: Numbers, y: Numbers): ModelMeanCalibration | null {
  assertPaired(x, y);
  const n = x.length;
  if (n < MIN_CALIBRATION_MODELS) return null;
  const line = leastSquaresLine(x, y);
  if (line === null) return null;
  const residuals = new Float64Array(n);
  const baselineResiduals = new Float64Array(n);
  const weights = new Float64Array(n).fill(1);
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i] as number;
  for (let i = 0; i < n; i++) {
    weights[i] = 0;
    const without = leastSquaresLine(x, y, weights);
    weights[i] = 1;
    if (without === null) return null;
    residuals[i] = (y[i] as number) - applyLine(without, x[i] as number);
    baselineResiduals[i] = (y[i] as number) - (total - (y[i] as number)) / (n - 1);
  }
  const rmse = rms(residuals);
  const baselineRmse = rms(baselineResiduals);
  return { line, residuals, baselineResiduals, rmse, baselineRmse, skill: rmse < baselineRmse };
}

/**
 * The split-conformal quantile of absolute held-out residuals: the ⌈(n+1)·confidence⌉-th smallest of the n
 * values, which covers a new exchangeable model with probability at least `confidence`. Infinity when that
 * rank exceeds n (too few models for the confidence: the interval is unbounded).
 */
export function conformalQuantile(residuals: Numbers, confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie in (0, 1), got ${confidence}`);
  const n = residuals.length;
  // The tolerance keeps a product that is a whole number in exact arithmetic (20 · 0.95 = 19) from rounding up to the next rank.
  const rank = Math.ceil((n + 1) * confidence - 1e-9);
  if (rank > n) return Infinity;
  const sorted = Float64Array.from(residuals, (r) => Math.abs(r)).sort();
  return sorted[rank - 1] as number;
}

/** A value kept inside [low, high]. */
export function clampTo(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * A mean put on the human scale through a model-mean calibration, kept inside [low, high]: the line applied to
 * the mean on the original data; on resample b, the line applied to the resampled mean plus the held-out
 * residual `residuals[picks[b]]`, so that rank intervals carry the calibration's error for an unseen model.
 */
export function modelCalibratedStatistic(
  mean: WeightedStatistic,
  line: Line,
  residuals: Float64Array,
  picks: Uint32Array,
  low: number,
  high: number,
): WeightedStatistic {
  return (weights, resample) => {
    const m = mean(weights, resample);
    if (m === null) return null;
    const error = resample < 0 ? 0 : (residuals[picks[resample] as number] as number);
    return clampTo(applyLine(line, m) + error, low, high);
  };
}

/** `count` uniform picks among `size` items from a seeded stream: which held-out residual each resample adds. */
export function residualPicks(seed: number, size: number, count: number): Uint32Array {
  const random = createRandom(seed);
  return Uint32Array.from({ length: count }, () => random.nextInt(size));
}
