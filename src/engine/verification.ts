/**
 * The arithmetic of a maintainer's verification of an entry: which videos a re-run must cover (a seeded
 * random sample, so that a verifier cannot pick the videos a method does well on and anyone can redraw it),
 * whether re-run scores reproduce the submitted ones, and whether a trusted panel's anchored scores differ
 * from the entry's on average.
 */
import { createRandom } from "./random.ts";

/**
 * `size` ids drawn without replacement from `ids` by the seeded rule: the ids in code-unit order, a partial
 * Fisher–Yates shuffle driven by xoshiro128** seeded with `seed`, the first `size` positions; returned in
 * code-unit order. The same ids, size and seed always give the same sample.
 */
export function verificationSample(ids: readonly string[], size: number, seed: number): string[] {
  const pool = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!Number.isInteger(size) || size < 1 || size > pool.length) throw new RangeError(`a sample of ${size} from ${pool.length} ids is not possible`);
  const random = createRandom(seed);
  for (let i = 0; i < size; i++) {
    const j = i + random.nextInt(pool.length - i);
    const chosen = pool[j] as string;
    pool[j] = pool[i] as string;
    pool[i] = chosen;
  }
  return pool.slice(0, size).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A re-run score that does not reproduce the submitted one. */
export interface ScoreMismatch {
  readonly key: string;
  readonly submitted: number | null;
  readonly rerun: number | null;
}

/**
 * The keys of `expected` whose re-run score is missing or differs from the submitted one by more than
 * `tolerance` (absolute), and keys re-run that were never submitted; empty when the re-run reproduces.
 */
export function scoreMismatches(submitted: ReadonlyMap<string, number>, rerun: ReadonlyMap<string, number>, tolerance: number): ScoreMismatch[] {
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be a non-negative number, got ${tolerance}`);
  const out: ScoreMismatch[] = [];
  for (const [key, value] of submitted) {
    const again = rerun.get(key);
    if (again === undefined || !(Math.abs(again - value) <= tolerance)) out.push({ key, submitted: value, rerun: again ?? null });
  }
  for (const [key, value] of rerun) if (!submitted.has(key)) out.push({ key, submitted: null, rerun: value });
  return out;
}

/** A mean difference with its normal-approximation interval. */
export interface MeanDifference {
  readonly n: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** The interval covers 0: the difference is consistent with none. */
  readonly coversZero: boolean;
}

/** The standard normal quantile for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

/**
 * The mean of paired differences with its two-sided 95% interval [mean − z·s/√n, mean + z·s/√n] (s the sample SD, n − 1):
 * the large-sample interval, valid for the samples of at least 30 videos a verification draws. Null below 2.
 */
export function meanDifference(differences: readonly number[]): MeanDifference | null {
  const n = differences.length;
  if (n < 2) return null;
  const mean = differences.reduce((a, b) => a + b, 0) / n;
  const variance = differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1);
  const half = (Z_95 * Math.sqrt(variance)) / Math.sqrt(n);
  return { n, mean, low: mean - half, high: mean + half, coversZero: mean - half <= 0 && 0 <= mean + half };
}
