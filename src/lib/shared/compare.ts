/**
 * The shapes of the compare view's data, shared by its loader (src/lib/compare.ts) and its islands
 * (src/components/compare/): import-free (type imports of schemas only), so an island bundles no loader.
 */
import type { BoardId } from "../../schemas/board.ts";

/** An entry's figure in one column: value, 95% interval (null ends without one), column rank and its interval. */
export type CompareCell = readonly [value: number, low: number | null, high: number | null, rank: number | null, rankBest: number | null, rankWorst: number | null];

/**
 * The paired difference a − b of two entries' figures with its 95% interval, and which entry it shows ahead:
 * "a" or "b" when the interval excludes 0, null when the bootstrap cannot tell them apart.
 */
export type CompareVerdict = readonly [difference: number, low: number, high: number, ahead: "a" | "b" | null];

/** An entry that can be compared. */
export interface CompareEntry {
  readonly id: string;
  readonly name: string;
  readonly href: string;
  /** Access of a T2V model or kind of a V2T method, as a label. */
  readonly group: string;
  readonly isReference: boolean;
  /** Who produced its figures: published, computed, self-reported or verified (null in an older store). */
  readonly provenance: string | null;
  /** A V2T entry trained or tuned on this benchmark's own data. */
  readonly trainedOnBenchmark: boolean;
}

/** `overall` or a task dimension. */
export interface CompareScope {
  readonly id: string;
  readonly label: string;
  readonly group: string | null;
}

/** A column of a board. */
export interface CompareColumn {
  readonly key: string;
  readonly label: string;
  readonly metric: string;
  /** Decimals shown, the metric's display precision. */
  readonly digits: number;
  readonly ranked: boolean;
  readonly higherIsBetter: boolean;
}

/** An entry's place on a board in one scope. */
export interface ComparePlace {
  readonly rank: number | null;
  readonly rankBest: number | null;
  readonly rankWorst: number | null;
  readonly rankSum: number | null;
  /** One per column of the board, in its order (null where the entry has no figure). */
  readonly cells: readonly (CompareCell | null)[];
}

/** Two entries (indices into `Comparison.entries`, a < b) and the verdicts on their differences. */
export interface ComparePair {
  readonly a: number;
  readonly b: number;
  /** On the rank sum (lower is better), where both are ranked. */
  readonly rankSum: CompareVerdict | null;
  /** One per column of the board, in its order: null for unranked columns and where either has no resamples. */
  readonly columns: readonly (CompareVerdict | null)[];
}

/** One board in one scope: every entry's place (null where it has no figure) and every pair's verdicts. */
export interface CompareBoardScope {
  readonly places: readonly (ComparePlace | null)[];
  readonly pairs: readonly ComparePair[];
}

/** One board of the direction. */
export interface CompareBoard {
  readonly board: BoardId;
  readonly label: string;
  readonly columns: readonly CompareColumn[];
  /** Why the board ranks nobody, when it does not. */
  readonly unrankedReason: string | null;
  /** Whether its figures were resampled (recomputed, with intervals); published figures were not. */
  readonly resampled: boolean;
  /** Why no pair has a verdict on this board, when none has. */
  readonly pairsNote: string | null;
  /** Keyed by scope id. */
  readonly scopes: Readonly<Record<string, CompareBoardScope>>;
}

/**
 * The compare view's data for one direction of a benchmark. Figures are rounded to their display precision
 * (the downloads keep full precision); every verdict was reached on the full-precision resamples.
 */
export interface Comparison {
  readonly benchmarkId: string;
  readonly benchmarkTitle: string;
  readonly direction: "t2v" | "v2t";
  /** Confidence of every interval and verdict, e.g. 0.95; null when nothing was resampled. */
  readonly confidence: number | null;
  readonly entries: readonly CompareEntry[];
  readonly scopes: readonly CompareScope[];
  readonly boards: readonly CompareBoard[];
}
