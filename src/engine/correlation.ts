/**
 * SRCC, PLCC and KRCC (tau-b and tau-c), agreeing with scipy.stats spearmanr, pearsonr and kendalltau to 1e-12.
 *
 * Each statistic is computed by a kernel that also accepts per-item integer weights: weight w means
 * "this item appears w times". The bootstrap (bootstrap.ts) draws a resample as such weights, so one
 * ranking of the original data serves all resamples instead of one sort per resample. The public
 * functions are the kernels with every weight 1.
 */

import { arrayPool, FRESH_ARRAYS, type Arrays } from "./arrays.ts";
import { kendallCounter, tauB, tauC, type KendallCounter } from "./kendall.ts";
import { weightedPearson, type Weights } from "./pearson.ts";
import { denseRanks, type DenseRanks } from "./rank-data.ts";
import { assertPaired, type Numbers } from "./validate.ts";

export { weightedPearson, type Weights } from "./pearson.ts";

/**
 * Average ranks (1-based) of the weighted sample, written into `ranks`: a group of equal values with
 * total weight G starting after `below` smaller ones gets below + (G + 1) / 2.
 */
function averageRanks(dense: DenseRanks, weights: Weights, groupRank: Float64Array, ranks: Float64Array): Float64Array {
  const { rank, distinct, starts } = dense;
  if (weights === null) {
    // Without ties every rank is its dense rank + 1; the group table is not needed.
    if (distinct === rank.length) {
      for (let i = 0; i < rank.length; i++) ranks[i] = (rank[i] as number) + 1;
      return ranks;
    }
    for (let g = 0; g < distinct; g++) {
      const below = starts[g] as number;
      groupRank[g] = below + ((starts[g + 1] as number) - below + 1) / 2;
    }
  } else {
    groupRank.fill(0);
    for (let i = 0; i < rank.length; i++) groupRank[rank[i] as number]! += weights[i] as number;
    let below = 0;
    for (let g = 0; g < distinct; g++) {
      const weight = groupRank[g] as number;
      groupRank[g] = below + (weight + 1) / 2;
      below += weight;
    }
  }
  for (let i = 0; i < rank.length; i++) ranks[i] = groupRank[rank[i] as number] as number;
  return ranks;
}

/** Paired data ranked once, from which SRCC, PLCC and KRCC of any weighted resample follow cheaply. */
export interface PreparedPair {
  readonly n: number;
  /** Spearman's rho of the weighted sample (`null` when undefined). */
  srcc(weights?: Weights): number | null;
  /** Pearson's r of the weighted sample (`null` when undefined). */
  plcc(weights?: Weights): number | null;
  /** Kendall's tau-b of the weighted sample (`null` when undefined). */
  krcc(weights?: Weights): number | null;
  /** Kendall's tau-c (Stuart's) of the weighted sample (`null` when undefined). */
  krccC(weights?: Weights): number | null;
}

/**
 * Validates a pair of arrays and prepares it for repeated (weighted) correlation; ranking happens on
 * first use. The result reuses internal buffers between calls, so weights may be changed between calls.
 */
export function preparePair(xValues: Numbers, yValues: Numbers): PreparedPair {
  return pairKernels(xValues, yValues, FRESH_ARRAYS);
}

/** The kernels of `preparePair`, their n-long arrays taken from `arrays`. */
function pairKernels(xValues: Numbers, yValues: Numbers, arrays: Arrays): PreparedPair {
  assertPaired(xValues, yValues);
  // One array type in the kernels keeps V8's element access monomorphic (plain arrays ran 3x slower).
  const x = xValues instanceof Float64Array ? xValues : Float64Array.from(xValues);
  const y = yValues instanceof Float64Array ? yValues : Float64Array.from(yValues);
  const n = x.length;
  let ranksX: DenseRanks | undefined;
  let ranksY: DenseRanks | undefined;
  let spearmanScratch: { groupX: Float64Array; groupY: Float64Array; ranksX: Float64Array; ranksY: Float64Array } | undefined;
  let countKendall: KendallCounter | undefined;
  const dense = (): [DenseRanks, DenseRanks] => {
    ranksX ??= denseRanks(x, arrays);
    ranksY ??= denseRanks(y, arrays);
    return [ranksX, ranksY];
  };
  const kendallParts = (weights: Weights) => {
    countKendall ??= kendallCounter(...dense(), arrays);
    return countKendall(weights);
  };
  return {
    n,
    srcc(weights: Weights = null) {
      const [rx, ry] = dense();
      spearmanScratch ??= {
        groupX: arrays.float64(rx.distinct),
        groupY: arrays.float64(ry.distinct),
        ranksX: arrays.float64(n),
        ranksY: arrays.float64(n),
      };
      const s = spearmanScratch;
      return weightedPearson(averageRanks(rx, weights, s.groupX, s.ranksX), averageRanks(ry, weights, s.groupY, s.ranksY), weights);
    },
    plcc(weights: Weights = null) {
      return weightedPearson(x, y, weights);
    },
    krcc(weights: Weights = null) {
      return tauB(kendallParts(weights));
    },
    krccC(weights: Weights = null) {
      return tauC(kendallParts(weights));
    },
  };
}

// The arrays of one-off calls, reused by the next one-off call: a one-off call keeps nothing.
const ONE_OFF = arrayPool();

/** One statistic of a pair computed once, in the one-off arrays. */
function oneOff(x: Numbers, y: Numbers, statistic: (pair: PreparedPair) => number | null): number | null {
  ONE_OFF.reset();
  return statistic(pairKernels(x, y, ONE_OFF));
}

/** Spearman's rank correlation (average ranks for ties), or `null` when n < 2 or an input is constant. */
export function spearman(x: Numbers, y: Numbers): number | null {
  return oneOff(x, y, (pair) => pair.srcc());
}

/** Pearson's linear correlation, or `null` when n < 2 or an input is constant. */
export function pearson(x: Numbers, y: Numbers): number | null {
  return oneOff(x, y, (pair) => pair.plcc());
}

/** Kendall's tau-b (tie-corrected) in O(n log n), or `null` when n < 2 or an input is constant. */
export function kendall(x: Numbers, y: Numbers): number | null {
  return oneOff(x, y, (pair) => pair.krcc());
}

/** Kendall's tau-c (Stuart's, `scipy.stats.kendalltau(variant="c")`), or `null` when n < 2 or an input is constant. */
export function kendallC(x: Numbers, y: Numbers): number | null {
  return oneOff(x, y, (pair) => pair.krccC());
}
