/**
 * The shapes of the compare view's files, shared by their loader (src/lib/compare.ts) and the islands
 * (src/components/compare/): import-free (type imports of schemas only), so an island bundles no loader.
 *
 * Every file is linear in entries: `/<benchmark>/compare/<direction>.json` (CompareIndex: the boards, their
 * columns and scopes, and the entries to pick from), and per entry `/<benchmark>/compare/<direction>/<entry>.json`
 * (CompareEntryFile: its places) with, per board whose entries can be told apart, its stored resamples in two parts,
 * `<entry>.<board>.overall.bin` (the overall scope, rank sum included: what the view shows first) and
 * `<entry>.<board>.dimensions.bin` (every task dimension), each Float32 little-endian (the store's own bytes), one block of `count` values per
 * figure in the order the part's `figures` lists.
 * The verdicts are computed in the browser from two entries' files (src/components/compare/verdicts.ts).
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

/** An entry of the picker, in board order. */
export interface CompareChoice {
  readonly id: string;
  readonly name: string;
  /** Present (true) for the benchmark's real videos, which are compared but never ranked. */
  readonly reference?: true;
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

/** One board of the direction, as the index describes it. */
export interface CompareBoardInfo {
  readonly board: BoardId;
  readonly label: string;
  readonly columns: readonly CompareColumn[];
  /** Why the board ranks nobody, when it does not. */
  readonly unrankedReason: string | null;
  /** Whether its figures were resampled (recomputed, with intervals); published figures were not. */
  readonly resampled: boolean;
  /** Why no pair has a verdict on this board, when none has; null when its entries' resamples are shipped. */
  readonly pairsNote: string | null;
  /** How many entries it ranks, by scope id (the "of N" of a rank). */
  readonly rankedCount: Readonly<Record<string, number>>;
}

/** The compare view's index of one direction of a benchmark: `/<benchmark>/compare/<direction>.json`. */
export interface CompareIndex {
  readonly benchmarkId: string;
  readonly benchmarkTitle: string;
  readonly direction: "t2v" | "v2t";
  /** Confidence of every interval and verdict, e.g. 0.95; null when nothing was resampled. */
  readonly confidence: number | null;
  readonly scopes: readonly CompareScope[];
  readonly boards: readonly CompareBoardInfo[];
  readonly entries: readonly CompareChoice[];
  /** An entry's file is this folder (a path from the site's root) followed by `<entry id>.json`. */
  readonly entryFolder: string;
}

/** The key of the overall rank sum among a resamples file's figures (no column key is without an underscore). */
export const RANK_SUM_FIGURE = "rank-sum";

/** A figure of an entry's resamples file: its scope, its column key (or RANK_SUM_FIGURE) and its full-precision value. */
export interface CompareFigure {
  readonly scope: string;
  readonly key: string;
  readonly value: number;
}

/** The parts of an entry's resamples on a board: the overall scope, fetched first, then the task dimensions. */
export const RESAMPLE_PARTS = ["overall", "dimensions"] as const;

/** One part of an entry's resamples on a board: where it is (a path from the site's root) and its figures in order. */
export interface CompareResamplesPart {
  readonly part: (typeof RESAMPLE_PARTS)[number];
  readonly url: string;
  readonly figures: readonly CompareFigure[];
}

/** One board of an entry's file. */
export interface CompareEntryBoard {
  /** By scope id; a scope where the entry has no figure is left out. */
  readonly places: Readonly<Record<string, ComparePlace>>;
  /** Its resamples: values per figure, and the parts that hold figures (overall first); null where none are shipped. */
  readonly resamples: { readonly count: number; readonly parts: readonly CompareResamplesPart[] } | null;
}

/** One entry's compare file: `/<benchmark>/compare/<direction>/<entry>.json`. */
export interface CompareEntryFile {
  readonly entry: CompareEntry;
  /** By board id; a board without the entry is left out. */
  readonly boards: Readonly<Partial<Record<BoardId, CompareEntryBoard>>>;
}

/** Two compared entries (indices into `Comparison.entries`, a < b) and the verdicts on their differences. */
export interface ComparePair {
  readonly a: number;
  readonly b: number;
  /** On the rank sum (lower is better), where both are ranked; overall scope only. */
  readonly rankSum: CompareVerdict | null;
  /** One per column of the board, in its order: null for unranked columns and where either has no resamples. */
  readonly columns: readonly (CompareVerdict | null)[];
}

/** One board in one scope: every compared entry's place (null where it has no figure) and every pair's verdicts. */
export interface CompareBoardScope {
  readonly places: readonly (ComparePlace | null)[];
  readonly pairs: readonly ComparePair[];
}

/** One board as the view draws it. */
export interface CompareBoard extends CompareBoardInfo {
  /** Keyed by scope id. */
  readonly scopes: Readonly<Record<string, CompareBoardScope>>;
}

/**
 * What the view draws: the compared entries (in the order of their files) with their places and the verdicts of
 * every pair among them, assembled in the browser from the index and the entries' files. Figures are rounded to
 * their display precision; every verdict was reached on the full-precision resamples.
 */
export interface Comparison {
  /** Whether some compared entry's resamples of the task dimensions are still being fetched (their verdicts follow). */
  readonly pending: boolean;
  readonly benchmarkId: string;
  readonly benchmarkTitle: string;
  readonly direction: "t2v" | "v2t";
  readonly confidence: number | null;
  readonly entries: readonly CompareEntry[];
  readonly scopes: readonly CompareScope[];
  readonly boards: readonly CompareBoard[];
}
