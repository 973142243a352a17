/**
 * The statistics a board column is made of, as functions of resampling-unit weights (see bootstrap.ts):
 * means of per-video values, calibrated means (anchors, automatic evaluators) and correlations. Each
 * takes, per item, the unit it belongs to, so one statistic serves the original data and every resample.
 */
import type { WeightedStatistic } from "./bootstrap.ts";
import { applyLine, inverseCalibrationLine } from "./calibration.ts";
import { preparePair, type PreparedPair } from "./correlation.ts";
import { prepareLogisticPlcc } from "./logistic.ts";

/** The weighted mean of per-item values (`units[i]` is item i's unit), times `scale` (100 for percentages). */
export function meanStatistic(units: Uint32Array, values: Float64Array, scale = 1): WeightedStatistic {
  return (weights) => {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < units.length; i++) {
      const w = weights[units[i] as number] as number;
      sum += w * (values[i] as number);
      total += w;
    }
    return total > 0 ? (scale * sum) / total : null;
  };
}

/** Scores of anchor videos by a new panel of raters, beside the benchmark's own scores of them. */
export interface AnchorSample {
  /** The unit of each anchor (anchors form a stratum of their own). */
  readonly units: Uint32Array;
  /**
   * Each panel rater's contribution to each anchor's score, anchor-major (`raters` values per anchor, see
   * `anchoredMeanStatistic`); NaN where the rater's rating does not count.
   */
  readonly scores: Float64Array;
  /** The benchmark's score of each anchor. */
  readonly truth: Float64Array;
}

/**
 * Item i's panel score under rater weights `w` (from `offset`): the weighted mean of the raters' contributions
 * `scores[i·raters + r]`, NaN where no drawn rater's rating counts. With every weight 1 it is the plain mean
 * the benchmark's human-score procedure takes, to the last bit.
 */
function panelScore(scores: Float64Array, i: number, raters: number, w: Float64Array, offset: number): number {
  let sum = 0;
  let total = 0;
  for (let r = 0; r < raters; r++) {
    const c = scores[i * raters + r] as number;
    const weight = w[offset + r] as number;
    if (Number.isNaN(c) || weight === 0) continue;
    sum += weight * c;
    total += weight;
  }
  return total > 0 ? sum / total : Number.NaN;
}

/**
 * A mean on the benchmark's scale from a new panel's scores, by inverse calibration: the line panel = c + d·benchmark
 * fitted on the anchors, solved for the weighted mean m of the new videos' panel scores, (m − c)/d (see
 * `inverseCalibrationLine`). `values` and the anchors' `scores` hold each of the panel's `raters` raters'
 * contribution to an item's score, item-major (NaN: none). Prompts, anchors and, with `raterDraws`, the panel's
 * raters are resampled together, so the interval carries the line's uncertainty and the panel's own rater
 * sampling: `raterDraws[b·raters + r]` is how often rater r is drawn in resample b (null: the panel is fixed).
 * Null on a resample whose line is undefined or falling (d ≤ 0).
 */
export function anchoredMeanStatistic(units: Uint32Array, values: Float64Array, raters: number, anchors: AnchorSample, raterDraws: Float64Array | null): WeightedStatistic {
  if (values.length !== units.length * raters || anchors.scores.length !== anchors.units.length * raters) {
    throw new RangeError(`expected ${raters} rater contribution(s) per item: ${values.length} for ${units.length} new videos, ${anchors.scores.length} for ${anchors.units.length} anchors`);
  }
  if (raterDraws !== null && raterDraws.length % raters !== 0) throw new RangeError(`rater draws of length ${raterDraws.length} are not whole resamples of ${raters} raters`);
  const fixed = new Float64Array(raters).fill(1);
  const anchorScores = new Float64Array(anchors.units.length);
  const anchorWeights = new Float64Array(anchors.units.length);
  return (weights, resample) => {
    const own = resample < 0 || raterDraws === null;
    const w = own ? fixed : raterDraws;
    const offset = own ? 0 : resample * raters;
    let sum = 0;
    let total = 0;
    for (let i = 0; i < units.length; i++) {
      const score = panelScore(values, i, raters, w, offset);
      if (Number.isNaN(score)) continue;
      const weight = weights[units[i] as number] as number;
      sum += weight * score;
      total += weight;
    }
    if (!(total > 0)) return null;
    for (let a = 0; a < anchorScores.length; a++) {
      const score = panelScore(anchors.scores, a, raters, w, offset);
      const missing = Number.isNaN(score);
      anchorScores[a] = missing ? 0 : score;
      anchorWeights[a] = missing ? 0 : (weights[anchors.units[a] as number] as number);
    }
    const line = inverseCalibrationLine(anchorScores, anchors.truth, anchorWeights);
    return line === null ? null : applyLine(line, sum / total);
  };
}

/**
 * A statistic plus a seeded prediction error: on resample b it adds `sd · normals[b]` (nothing on the
 * original data), so the interval includes an error that resampling the items cannot show, such as how
 * far an automatic evaluator's calibrated mean lands from the humans' for a model it never saw.
 */
export function withPredictionError(statistic: WeightedStatistic, sd: number, normals: Float64Array): WeightedStatistic {
  return (weights, resample) => {
    const value = statistic(weights, resample);
    if (value === null || resample < 0) return value;
    return value + sd * (normals[resample] as number);
  };
}

/** Each group's mean of paired values, groups in order of first appearance: the points of a model-level correlation. */
export function groupMeans(groups: readonly string[], x: ArrayLike<number>, y: ArrayLike<number>): Map<string, { x: number; y: number; n: number }> {
  const sums = new Map<string, { x: number; y: number; n: number }>();
  groups.forEach((group, i) => {
    const sum = sums.get(group) ?? { x: 0, y: 0, n: 0 };
    sum.x += x[i] as number;
    sum.y += y[i] as number;
    sum.n += 1;
    sums.set(group, sum);
  });
  return new Map([...sums].map(([group, s]) => [group, { x: s.x / s.n, y: s.y / s.n, n: s.n }]));
}

/** A correlation of one pair's weighted resamples (weights null: the original data). */
type Kernel = (weights: Float64Array | null) => number | null;

/** A kernel maker that prepares the pair once (sorting, ranking) and asks it for one coefficient. */
function onPreparedPair(coefficient: (pair: PreparedPair, weights: Float64Array | null) => number | null): (x: Float64Array, y: Float64Array) => Kernel {
  return (x, y) => {
    const pair = preparePair(x, y);
    return (weights) => coefficient(pair, weights);
  };
}

/**
 * The correlations the engine computes. The engine imports nothing of the project: the metric list
 * (src/schemas/metrics.ts) names these ids, and the compiler checks every correlation metric it lists is one of them
 * where the writer passes a metric to correlationStatistic.
 */
export type CorrelationId = "srcc" | "plcc" | "plcc_logistic" | "krcc" | "krcc_c";

/** One kernel maker per correlation the engine computes. */
const KERNELS: Record<CorrelationId, (x: Float64Array, y: Float64Array) => Kernel> = {
  srcc: onPreparedPair((pair, weights) => pair.srcc(weights)),
  plcc: onPreparedPair((pair, weights) => pair.plcc(weights)),
  krcc: onPreparedPair((pair, weights) => pair.krcc(weights)),
  krcc_c: onPreparedPair((pair, weights) => pair.krccC(weights)),
  plcc_logistic: (x, y) => {
    const fit = prepareLogisticPlcc(x, y);
    return (weights) => fit(weights).value;
  },
};

/** Whether item i is unit i for every item, so that the resampling weights are the items' own. */
function isIdentity(units: Uint32Array): boolean {
  for (let i = 0; i < units.length; i++) if (units[i] !== i) return false;
  return true;
}

/** The fewest paired items a correlation is computed on (with fewer there is nothing to correlate). */
export const MIN_CORRELATION_ITEMS = 2;

/**
 * A correlation between paired per-item values; item i carries the weight of unit `units[i]`. Null when
 * there are fewer than MIN_CORRELATION_ITEMS items.
 */
export function correlationStatistic(metric: CorrelationId, units: Uint32Array, x: Float64Array, y: Float64Array): WeightedStatistic | null {
  if (x.length < MIN_CORRELATION_ITEMS) return null;
  const kernel = KERNELS[metric](x, y);
  // When every item is its own unit (videos on the instance board), the first weights are the items'.
  const own = isIdentity(units) ? null : new Float64Array(units.length);
  return (weights, resample) => {
    if (resample < 0) return kernel(null);
    if (own === null) return kernel(weights.length === units.length ? weights : weights.subarray(0, units.length));
    for (let i = 0; i < units.length; i++) own[i] = weights[units[i] as number] as number;
    return kernel(own);
  };
}

/**
 * A statistic whose resamples are kept inside [low, high]: for an estimand that cannot lie outside a scale (a mean
 * rating on 1–5), a percentile interval clipped to the scale keeps its coverage and says nothing impossible. The
 * value on the original data is left as it is, so that a figure outside the scale is seen (and refused) rather
 * than hidden at the scale's edge.
 */
export function clampedStatistic(statistic: WeightedStatistic, low: number, high: number): WeightedStatistic {
  return (weights, resample) => {
    const value = statistic(weights, resample);
    return value === null || resample < 0 ? value : Math.min(high, Math.max(low, value));
  };
}
