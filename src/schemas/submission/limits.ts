/** Size limits of a submission bundle, checked before anything is parsed (and, for zips, before inflating). */

/** The limits one bundle must respect; tests pass smaller ones. */
export interface BundleLimits {
  /** Sum of the unpacked sizes of all files, in bytes. */
  readonly totalBytes: number;
  /** Number of files in the bundle. */
  readonly files: number;
  /** Longest line of any text file, in bytes (without the line break). */
  readonly lineBytes: number;
  /** Most lines in a predictions.jsonl, scores.jsonl or ratings.csv. */
  readonly lines: number;
}

/** The limits of every real submission. */
export const BUNDLE_LIMITS: BundleLimits = {
  totalBytes: 50 * 1024 * 1024,
  files: 10,
  lineBytes: 16 * 1024,
  lines: 1_000_000,
};

/** Largest absolute value a score may take: far beyond any metric's scale, small enough to stay exact in sums. */
export const MAX_ABS_SCORE = 1e12;

/**
 * How far outside the range of scores an evaluator gave the labelled videos an automatic score may lie, as a share
 * of that range's width: within it a score is flagged (its calibrated value extrapolates the line), beyond it refused.
 */
export const AUTO_SCORE_MARGIN = 0.1;
