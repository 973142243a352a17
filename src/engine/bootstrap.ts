/**
 * Uncertainty by the seeded percentile bootstrap: confidence intervals, paired differences between
 * entries, and rank intervals.
 *
 * A resample draws `unitCount` units with replacement (prompts, videos or T2V models, depending on
 * the board) and hands each statistic per-item weights: how many times the item's unit was drawn.
 * Statistics are functions of those weights (see `WeightedStatistic`), so the data are never copied.
 * The same seed and unit count always give the same resamples, on every machine; entries scored with
 * the same settings are therefore compared on identical resamples.
 */

import type { Direction } from "./ranking.ts";
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
 * A statistic of a weighted sample: `weights[i]` is how often item i occurs (all 1 for the original
 * data). Returns null when undefined on that sample, e.g. a correlation of a constant resample.
 */
export type WeightedStatistic = (weights: Float64Array) => number | null;

/** What is resampled: `unitCount` units, and for each item the unit it belongs to (identity when omitted). */
export interface ResamplingUnits {
  readonly itemCount: number;
  readonly unitCount: number;
  readonly unitOfItem?: ArrayLike<number>;
}

/** A point estimate with its percentile interval. Interval ends are null when no resample gave a value. */
export interface Estimate {
  readonly value: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** Resamples on which the statistic was undefined; they are left out of the interval. */
  readonly failed: number;
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
 * Evaluates every statistic on the original data and on each resample (the same resamples for all).
 * Returns the point estimates and, per statistic, the B resampled values (NaN where undefined).
 */
export function resampleStatistics(
  statistics: ReadonlyArray<WeightedStatistic>,
  units: ResamplingUnits,
  options: BootstrapOptions = {},
): { estimates: (number | null)[]; draws: Float64Array[]; settings: BootstrapSettings } {
  const settings = bootstrapSettings(options);
  const { itemCount, unitCount, unitOfItem } = units;
  if (unitOfItem !== undefined && unitOfItem.length !== itemCount) {
    throw new RangeError(`unitOfItem has ${unitOfItem.length} entries for ${itemCount} items`);
  }
  const weights = new Float64Array(itemCount).fill(1);
  const estimates = statistics.map((statistic) => statistic(weights));
  const draws = statistics.map(() => new Float64Array(settings.resamples).fill(Number.NaN));
  if (unitCount === 0) return { estimates, draws, settings };
  const random = createRandom(settings.seed);
  const unitDraws = new Float64Array(unitCount);
  // One weights buffer for all resamples: statistics must not keep it.
  for (let b = 0; b < settings.resamples; b++) {
    unitDraws.fill(0);
    random.addDraws(unitDraws, unitCount);
    if (unitOfItem === undefined) {
      weights.set(unitDraws);
    } else {
      for (let i = 0; i < itemCount; i++) weights[i] = unitDraws[unitOfItem[i] as number] as number;
    }
    statistics.forEach((statistic, s) => {
      const value = statistic(weights);
      if (value !== null) (draws[s] as Float64Array)[b] = value;
    });
  }
  return { estimates, draws, settings };
}

function toEstimate(value: number | null, draws: Float64Array, confidence: number): Estimate {
  let failed = 0;
  for (const v of draws) if (Number.isNaN(v)) failed++;
  const interval = value === null ? null : percentileInterval(draws, confidence);
  return { value, ciLow: interval?.low ?? null, ciHigh: interval?.high ?? null, failed };
}

/** Percentile-bootstrap estimates of several statistics on the same resamples, with the settings used. */
export function bootstrapMany(
  statistics: ReadonlyArray<WeightedStatistic>,
  units: ResamplingUnits,
  options: BootstrapOptions = {},
): { estimates: Estimate[]; settings: BootstrapSettings } {
  const { estimates, draws, settings } = resampleStatistics(statistics, units, options);
  return {
    estimates: estimates.map((value, s) => toEstimate(value, draws[s] as Float64Array, settings.confidence)),
    settings,
  };
}

/** Percentile-bootstrap estimate of one statistic. */
export function bootstrap(statistic: WeightedStatistic, units: ResamplingUnits, options: BootstrapOptions = {}): Estimate {
  return bootstrapMany([statistic], units, options).estimates[0] as Estimate;
}

/** The difference A − B between two entries scored on the same items, with its paired-bootstrap interval. */
export interface PairedDifference {
  readonly difference: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** True when the interval of the difference excludes 0: the two entries are told apart. */
  readonly separable: boolean;
  readonly failed: number;
}

function pairedFrom(a: number | null, b: number | null, drawsA: Float64Array, drawsB: Float64Array, confidence: number): PairedDifference {
  const differences = drawsA.map((v, k) => v - (drawsB[k] as number));
  const estimate = toEstimate(a === null || b === null ? null : a - b, differences, confidence);
  const separable = estimate.ciLow !== null && estimate.ciHigh !== null && (estimate.ciLow > 0 || estimate.ciHigh < 0);
  return { difference: estimate.value, ciLow: estimate.ciLow, ciHigh: estimate.ciHigh, separable, failed: estimate.failed };
}

/** Paired bootstrap of statA − statB: both are evaluated on each same resample, so shared noise cancels. */
export function pairedBootstrap(
  statA: WeightedStatistic,
  statB: WeightedStatistic,
  units: ResamplingUnits,
  options: BootstrapOptions = {},
): PairedDifference {
  const { estimates, draws, settings } = resampleStatistics([statA, statB], units, options);
  return pairedFrom(estimates[0] ?? null, estimates[1] ?? null, draws[0] as Float64Array, draws[1] as Float64Array, settings.confidence);
}

/** One board entry's statistic, for `compareEntries`. */
export interface EntryStatistic {
  readonly id: string;
  readonly statistic: WeightedStatistic;
}

/** An entry's estimate, and how it compares with the entry ranked just below it. */
export interface ComparedEntry extends Estimate {
  readonly id: string;
  /** Paired difference to the next entry in order of value; null for the last entry and unranked ones. */
  readonly toNext: PairedDifference | null;
  readonly rankInterval: RankInterval | null;
}

/**
 * Scores several entries on the same resamples: each gets its estimate and CI, its rank interval, and
 * a paired bootstrap against the next entry in value order (ties in value keep input order). Entries
 * whose value is undefined come last, unranked.
 */
export function compareEntries(
  entries: ReadonlyArray<EntryStatistic>,
  units: ResamplingUnits,
  options: BootstrapOptions = {},
  direction: Direction = "higher",
): { entries: ComparedEntry[]; settings: BootstrapSettings } {
  const { estimates, draws, settings } = resampleStatistics(
    entries.map((entry) => entry.statistic),
    units,
    options,
  );
  const single = estimates.map((value, s) => toEstimate(value, draws[s] as Float64Array, settings.confidence));
  const intervals = rankIntervals(
    single.map((e) => (e.ciLow === null || e.ciHigh === null ? null : { low: e.ciLow, high: e.ciHigh })),
    direction,
  );
  const order = entries.map((_, s) => s).filter((s) => estimates[s] !== null);
  const sign = direction === "higher" ? -1 : 1;
  order.sort((a, b) => sign * ((estimates[a] as number) - (estimates[b] as number)) || a - b);
  const next = new Map<number, PairedDifference>();
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k] as number;
    const b = order[k + 1] as number;
    next.set(a, pairedFrom(estimates[a] ?? null, estimates[b] ?? null, draws[a] as Float64Array, draws[b] as Float64Array, settings.confidence));
  }
  const unranked = entries.map((_, s) => s).filter((s) => estimates[s] === null);
  return {
    entries: [...order, ...unranked].map((s) => ({
      id: (entries[s] as EntryStatistic).id,
      ...(single[s] as Estimate),
      toNext: next.get(s) ?? null,
      rankInterval: intervals[s] ?? null,
    })),
    settings,
  };
}

/** The best and worst rank an entry could plausibly hold. */
export interface RankInterval {
  readonly best: number;
  readonly worst: number;
}

/**
 * Rank intervals from confidence intervals: best = 1 + the number of entries whose CI lies wholly
 * better than this one's (strictly, no overlap), worst = the number of entries minus those whose CI
 * lies wholly worse. Entries without a CI (null) get null and are not counted for the others.
 */
export function rankIntervals(
  cis: ReadonlyArray<{ readonly low: number; readonly high: number } | null>,
  direction: Direction = "higher",
): (RankInterval | null)[] {
  const present = cis.filter((ci): ci is { low: number; high: number } => ci !== null);
  return cis.map((ci) => {
    if (ci === null) return null;
    let above = 0;
    let below = 0;
    for (const other of present) {
      if (other.low > ci.high) above++;
      if (other.high < ci.low) below++;
    }
    return direction === "higher"
      ? { best: 1 + above, worst: present.length - below }
      : { best: 1 + below, worst: present.length - above };
  });
}
