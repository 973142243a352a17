/**
 * The paired bootstrap difference of two figures measured on the same resamples (the board's shared
 * resamples, see bootstrap.ts): on each resample where both are defined, a − b; the percentile interval of
 * those differences says whether the two can be told apart. Pairing matters: both figures move together
 * with the resampled items, so the difference is far less uncertain than the two intervals side by side suggest.
 */
import { percentileInterval } from "./bootstrap.ts";

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
}

/**
 * The paired difference a − b at `confidence` (e.g. 0.95), or null when no resample defines both.
 * Throws when the two were not evaluated on the same number of resamples: they cannot be paired.
 */
export function pairedDifference(a: ResampledFigure, b: ResampledFigure, confidence: number): PairedDifference | null {
  if (a.draws.length !== b.draws.length) {
    throw new RangeError(`cannot pair ${a.draws.length} resampled values with ${b.draws.length}`);
  }
  const differences: number[] = [];
  for (let i = 0; i < a.draws.length; i++) {
    const x = a.draws[i] as number;
    const y = b.draws[i] as number;
    if (!Number.isNaN(x) && !Number.isNaN(y)) differences.push(x - y);
  }
  const interval = percentileInterval(differences, confidence);
  if (interval === null) return null;
  return {
    difference: a.value - b.value,
    low: interval.low,
    high: interval.high,
    separable: interval.low > 0 || interval.high < 0,
    resamples: differences.length,
  };
}
