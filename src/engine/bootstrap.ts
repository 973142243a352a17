/**
 * Uncertainty by the seeded percentile bootstrap.
 *
 * A resample draws, in every stratum of units, as many units as the stratum holds, with replacement
 * (prompts, videos or T2V models, depending on the board; anchors form a stratum of their own), and
 * hands each statistic the units' weights: how many times each unit was drawn. Statistics are functions
 * of those weights (see `WeightedStatistic`), so the data are never copied. The same seed and strata
 * always give the same resamples, on every machine: entries scored separately with the same settings
 * are still compared on identical resamples, which is what lets a new entry join a board whose other
 * entries' resampled values were stored earlier.
 */

import { createRandom } from "./random.ts";

/** The seed used when the caller gives none; record `BootstrapSettings.seed` with every result anyway. */
export const DEFAULT_SEED = 20240601;

/** Caller-facing options; every field has a default. */
export interface BootstrapOptions {
  /** Number of resamples B (default 1,000). */
  readonly resamples?: number;
  /** PRNG seed (default `DEFAULT_SEED`). */
  readonly seed?: number;
  /** Two-sided confidence level (default 0.95). */
  readonly confidence?: number;
}

/** The options actually used, for the caller to record beside the numbers. */
export interface BootstrapSettings {
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
}

/**
 * A statistic of a weighted sample: `weights[u]` is how often unit u was drawn (all 1 for the original
 * data); `resample` is the resample's index, −1 for the original data, for statistics that add seeded
 * noise of their own. Returns null when undefined on that sample, e.g. a correlation of a constant resample.
 */
export type WeightedStatistic = (weights: Float64Array, resample: number) => number | null;

/** Unit counts of the strata resampled independently; the units of stratum k follow those of strata 0…k−1. */
export type Strata = readonly number[];

/**
 * A point estimate with its percentile interval. Interval ends are null when no resample gave a value, and
 * when the interval would have zero width (`constant`: at least 95% of the resamples give the same value): a
 * zero-width interval would claim a certainty the bootstrap cannot show, since it only says that the
 * resampled items hardly vary (say, all of a model's videos got the top rating, or 4 T2V models in one order).
 */
export interface Estimate {
  readonly value: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** Resamples on which the statistic was undefined; they are left out of the interval. */
  readonly failed: number;
  /** The percentile interval has zero width, so there is none. */
  readonly constant: boolean;
}

/** Fills in defaults and checks the options. */
export function bootstrapSettings(options: BootstrapOptions = {}): BootstrapSettings {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie in (0, 1), got ${confidence}`);
  return { resamples, seed, confidence };
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` values by linear interpolation between order
 * statistics, numpy.percentile's default ("linear", Hyndman–Fan type 7).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of no values");
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

/** The two-sided percentile interval of bootstrap values at `confidence` (NaN entries are skipped); null if none remain. */
export function percentileInterval(values: ArrayLike<number>, confidence: number): { low: number; high: number } | null {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) kept.push(values[i] as number);
  if (kept.length === 0) return null;
  const sorted = Float64Array.from(kept).sort();
  const alpha = 1 - confidence;
  return { low: quantileSorted(sorted, alpha / 2), high: quantileSorted(sorted, 1 - alpha / 2) };
}

/**
 * The seed of stratum k's stream: stratum 0 uses the seed itself, so adding a stratum never changes the
 * draws of the others (a board's prompts are drawn alike whether or not it has anchored entries).
 */
function stratumSeed(seed: number, stratum: number): number {
  return stratum === 0 ? seed : (seed ^ Math.imul(stratum, 0x9e3779b9)) | 0;
}

/**
 * Evaluates every statistic on the original data and on each resample (the same resamples for all).
 * Returns the point estimates and, per statistic, the B resampled values (NaN where undefined).
 */
export function resampleStatistics(
  statistics: ReadonlyArray<WeightedStatistic>,
  strata: Strata,
  options: BootstrapOptions = {},
): { estimates: (number | null)[]; draws: Float64Array[]; settings: BootstrapSettings } {
  const settings = bootstrapSettings(options);
  strata.forEach((count, k) => {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`stratum ${k} has ${count} units; expected a whole number`);
  });
  const total = strata.reduce((a, b) => a + b, 0);
  const weights = new Float64Array(total).fill(1);
  const estimates = statistics.map((statistic) => statistic(weights, -1));
  const draws = statistics.map(() => new Float64Array(settings.resamples).fill(Number.NaN));
  if (total === 0) return { estimates, draws, settings };
  const streams = strata.map((_, k) => createRandom(stratumSeed(settings.seed, k)));
  // One weights buffer for all resamples: statistics must not keep it.
  for (let b = 0; b < settings.resamples; b++) {
    weights.fill(0);
    let offset = 0;
    strata.forEach((count, k) => {
      if (count > 0) (streams[k] as ReturnType<typeof createRandom>).addDraws(weights.subarray(offset, offset + count), count);
      offset += count;
    });
    statistics.forEach((statistic, s) => {
      const value = statistic(weights, b);
      if (value !== null) (draws[s] as Float64Array)[b] = value;
    });
  }
  return { estimates, draws, settings };
}

/** A point value and the percentile interval of its resampled values (none when that interval has zero width). */
export function estimateFrom(value: number | null, draws: Float64Array, confidence: number): Estimate {
  let failed = 0;
  for (const v of draws) if (Number.isNaN(v)) failed++;
  const interval = value === null ? null : percentileInterval(draws, confidence);
  // Zero width up to rounding: a correlation of a resample repeating a perfect order is 1 or 0.9999999999999998.
  const constant = interval !== null && interval.high - interval.low <= 1e-12 * Math.max(1, Math.abs(interval.low), Math.abs(interval.high));
  return { value, ciLow: constant ? null : (interval?.low ?? null), ciHigh: constant ? null : (interval?.high ?? null), failed, constant };
}

/**
 * `resamples` independent resamples of `units` units, drawn with replacement from the stream of `seed`, flattened:
 * resample b's unit counts at [b·units, (b+1)·units). For units resampled apart from a board's strata, such as
 * one entry's own panel of raters, which other entries do not share.
 */
export function resampledCounts(seed: number, units: number, resamples: number): Float64Array {
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`units must be a positive integer, got ${units}`);
  const counts = new Float64Array(units * resamples);
  const random = createRandom(seed);
  for (let b = 0; b < resamples; b++) random.addDraws(counts.subarray(b * units, (b + 1) * units), units);
  return counts;
}
