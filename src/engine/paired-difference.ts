/**
 * The paired bootstrap difference of two figures measured on the same resamples (the board's shared
 * resamples, see bootstrap.ts): on each resample where both are defined, a − b; the percentile interval of
 * those differences says whether the two can be told apart. Pairing matters: both figures move together
 * with the resampled items, so the difference is far less uncertain than the two intervals side by side suggest.
 */
import { quantileSorted } from "./bootstrap.ts";

/** A figure on the original data and on each of the board's resamples (NaN where undefined). */
export interface ResampledFigure {
  readonly value: number;
  readonly draws: ArrayLike<number>;
}

/** The difference a − b with its percentile interval. */
export interface PairedDifference {
  /** a − b on the original data. */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  /** Whether the interval excludes 0: the bootstrap tells the two apart at the given confidence. */
  readonly separable: boolean;
  /** Resamples on which both figures were defined (the others are left out). */
  readonly resamples: number;
  /**
   * The two-sided bootstrap p-value of "no difference": the smallest 1 − confidence at which the percentile
   * interval excludes 0 (see `percentileTestP`), so `separable` at confidence c is `p < 1 − c`.
   */
  readonly p: number;
}

/**
 * The p-value of the percentile-interval test of 0 on ascending `sorted` values: the smallest α at which the
 * two-sided 1 − α percentile interval (numpy.percentile's linear interpolation, as `percentileInterval`)
 * excludes 0. The interval's low end is above 0 exactly when α/2 exceeds the largest quantile level whose
 * quantile is still ≤ 0, and its high end below 0 when α/2 exceeds 1 minus the smallest level whose quantile
 * is ≥ 0; the p-value is twice the smaller of the two, at most 1. Inverting the interval this way keeps the
 * test and the interval shown in agreement, which a count of resamples on either side of 0 would not.
 */
export function percentileTestP(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("p-value of no values");
  const at = (i: number) => sorted[i] as number;
  // The quantile level of position h (0 ≤ h ≤ n − 1) of the interpolated order statistics.
  const level = (h: number) => (n === 1 ? (h > 0 ? 1 : 0) : h / (n - 1));
  // Largest level whose quantile is ≤ 0.
  let below: number;
  if (at(0) > 0) below = 0;
  else {
    let k = 0;
    while (k + 1 < n && at(k + 1) <= 0) k++;
    below = k === n - 1 ? 1 : level(k + -at(k) / (at(k + 1) - at(k)));
  }
  // Smallest level whose quantile is ≥ 0.
  let above: number;
  if (at(n - 1) < 0) above = 1;
  else {
    let j = n - 1;
    while (j > 0 && at(j - 1) >= 0) j--;
    above = j === 0 ? 0 : level(j - 1 + -at(j - 1) / (at(j) - at(j - 1)));
  }
  return Math.min(1, 2 * Math.min(below, 1 - above));
}

/** Counts of whole differences, reused: a ranking pairs thousands of neighbours' rank sums. */
let wholeCounts = new Uint32Array(0);

/**
 * `values` sorted ascending in place, as a native sort leaves them (returned). Whole numbers over a span no wider
 * than a few times their count (the difference of two rank sums) are sorted by counting, in linear time; -0 and
 * anything else by the native sort, so the result is the same array either way.
 */
export function sortAscending(values: Float64Array): Float64Array {
  const count = values.length;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = values[i] as number;
    if (!Number.isInteger(x) || Object.is(x, -0)) return values.sort();
    if (x < lowest) lowest = x;
    if (x > highest) highest = x;
  }
  const span = highest - lowest + 1;
  if (count < 2 || span > 4 * count + 256) return values.sort();
  if (wholeCounts.length < span) wholeCounts = new Uint32Array(Math.max(span, 2 * wholeCounts.length));
  for (let i = 0; i < count; i++) (wholeCounts[(values[i] as number) - lowest] as number)++;
  let at = 0;
  for (let k = 0; k < span; k++) {
    const times = wholeCounts[k] as number;
    if (times === 0) continue;
    wholeCounts[k] = 0;
    // lowest + k is +0 where it is zero (x + y is -0 only when both are), as the native sort would place it.
    values.fill(lowest + k, at, at + times);
    at += times;
  }
  return values;
}

/**
 * The paired difference a − b at `confidence` (e.g. 0.95), or null when no resample defines both.
 * Throws when the two were not evaluated on the same number of resamples: they cannot be paired.
 */
export function pairedDifference(a: ResampledFigure, b: ResampledFigure, confidence: number): PairedDifference | null {
  if (a.draws.length !== b.draws.length) {
    throw new RangeError(`cannot pair ${a.draws.length} resampled values with ${b.draws.length}`);
  }
  const all = new Float64Array(a.draws.length);
  let count = 0;
  for (let i = 0; i < a.draws.length; i++) {
    const x = a.draws[i] as number;
    const y = b.draws[i] as number;
    if (!Number.isNaN(x) && !Number.isNaN(y)) all[count++] = x - y;
  }
  if (count === 0) return null;
  // One sort serves the interval (percentileInterval's quantiles of the same sorted values) and the p-value:
  // a ranking tests every neighbouring pair of every scope, thousands of pairs at 1,000 entries.
  const differences = sortAscending(all.subarray(0, count));
  const alpha = 1 - confidence;
  const low = quantileSorted(differences, alpha / 2);
  const high = quantileSorted(differences, 1 - alpha / 2);
  return {
    difference: a.value - b.value,
    low,
    high,
    separable: low > 0 || high < 0,
    resamples: count,
    p: percentileTestP(differences),
  };
}
