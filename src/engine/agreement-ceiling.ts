/**
 * The human agreement ceiling: how well a perfect predictor of the true score could correlate with a
 * benchmark's noisy human score, the mean of k raters. Under classical test theory a video's k-rater mean
 * is its true score plus independent rater noise; the reliability R_k of that mean is the share of its
 * variance that is true-score variance, and corr(true score, k-rater mean) = sqrt(R_k). Any predictor P
 * whose errors are independent of the raters' noise has corr(P, k-rater mean) = corr(P, true) · sqrt(R_k)
 * ≤ sqrt(R_k): no method can agree with the raters' mean better than the raters' own reliability allows.
 *
 * R_1 is the single-rater consistency intraclass correlation ICC(C,1) (Shrout & Fleiss's ICC(3,1), McGraw &
 * Wong's ICC(C,1)) of a complete videos × raters table: the same raters rate every video, so a rater's
 * constant leniency moves every video alike and cannot lower a correlation; consistency, not absolute
 * agreement, is the reliability that bounds a correlation. R_k follows by Spearman–Brown (for a complete
 * table it equals ICC(C,k) = (MSR − MSE) / MSR).
 */
import type { WeightedStatistic } from "./bootstrap.ts";

/** Spearman–Brown: the reliability of the mean of k parallel ratings whose single-rating reliability is r1 (k may be an average count). */
export function spearmanBrown(r1: number, k: number): number {
  if (!(k > 0)) throw new RangeError(`k must be above 0, got ${k}`);
  return (k * r1) / (1 + (k - 1) * r1);
}

/**
 * The expected correlation of an independent k-rater panel's means with the benchmark's K-rater means of the same
 * videos, √(SB(R_1, k) · SB(R_1, K)): what an honest panel of k reaches on average, so agreement well above it says
 * the panel is not independent of the benchmark's raters. 0 when R_1 ≤ 0.
 */
export function panelAgreementCeiling(r1: number, panelRaters: number, benchmarkRaters: number): number {
  if (!(r1 > 0)) return 0;
  return Math.sqrt(spearmanBrown(r1, panelRaters) * spearmanBrown(r1, benchmarkRaters));
}

/** A complete ratings table: one row per video, one column per rater (every rater rated every video). */
export type RatingTable = ReadonlyArray<ReadonlyArray<number>>;

/** A reliability analysis of a ratings table. */
export interface AgreementCeiling {
  /** Raters per video (k). */
  readonly raters: number;
  /** Single-rater reliability R_1 = ICC(C,1). */
  readonly singleRater: number;
  /** Reliability of the k-rater mean, R_k = Spearman–Brown(R_1, k). */
  readonly reliability: number;
  /** sqrt(R_k), the highest correlation with the k-rater mean (0 when R_k ≤ 0: no true-score variance is seen). */
  readonly ceiling: number;
}

/** Checks that a table is complete and rectangular with at least two raters and two videos. */
function raterCount(table: RatingTable): number {
  const k = table[0]?.length ?? 0;
  if (table.length < 2 || k < 2) throw new RangeError(`a reliability needs at least 2 videos and 2 raters, got ${table.length} × ${k}`);
  table.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`row ${i} has ${row.length} ratings, expected ${k}`);
    for (const x of row) if (!Number.isFinite(x)) throw new RangeError(`row ${i} holds a rating that is not a finite number`);
  });
  return k;
}

/**
 * ICC(C,1) of the table with video `i` counted `weights[i]` times (all 1 by default; a bootstrap resample's
 * multiplicities otherwise): the two-way ANOVA (MSR − MSE) / (MSR + (k − 1) MSE). Null when undefined
 * (fewer than two videos counted, or no variance at all).
 */
export function consistencyIcc(table: RatingTable, weights: ArrayLike<number> | null = null): number | null {
  const k = raterCount(table);
  const n = table.length;
  let total = 0;
  const columnSums = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    if (w === 0) continue;
    total += w;
    const row = table[i] as ReadonlyArray<number>;
    for (let j = 0; j < k; j++) {
      columnSums[j] = (columnSums[j] as number) + w * (row[j] as number);
      grand += w * (row[j] as number);
    }
  }
  if (total < 2) return null;
  const mean = grand / (total * k);
  let ssRows = 0;
  let ssTotal = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    if (w === 0) continue;
    const row = table[i] as ReadonlyArray<number>;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      sum += row[j] as number;
      ssTotal += w * ((row[j] as number) - mean) ** 2;
    }
    ssRows += w * k * (sum / k - mean) ** 2;
  }
  let ssColumns = 0;
  for (let j = 0; j < k; j++) ssColumns += total * ((columnSums[j] as number) / total - mean) ** 2;
  const ssError = Math.max(0, ssTotal - ssRows - ssColumns);
  const msRows = ssRows / (total - 1);
  const msError = ssError / ((total - 1) * (k - 1));
  const denominator = msRows + (k - 1) * msError;
  return denominator > 0 ? (msRows - msError) / denominator : null;
}

/** The ceiling of a ratings table (see the file's comment); null when its reliability is undefined. */
export function agreementCeiling(table: RatingTable, weights: ArrayLike<number> | null = null): AgreementCeiling | null {
  const singleRater = consistencyIcc(table, weights);
  if (singleRater === null) return null;
  const raters = raterCount(table);
  const reliability = spearmanBrown(singleRater, raters);
  return { raters, singleRater, reliability, ceiling: Math.sqrt(Math.max(0, reliability)) };
}

/** The ceiling as a bootstrap statistic over videos (the table's rows are the resampled units). */
export function ceilingStatistic(table: RatingTable): WeightedStatistic {
  return (weights) => agreementCeiling(table, weights)?.ceiling ?? null;
}
