/**
 * SRCC, PLCC and KRCC (tau-b and tau-c), agreeing with scipy.stats spearmanr, pearsonr and kendalltau to 1e-12.
 *
 * Each statistic is computed by a kernel that also accepts per-item integer weights: weight w means
 * "this item appears w times". The bootstrap (bootstrap.ts) draws a resample as such weights, so one
 * sort of the original data serves all resamples instead of one sort per resample. The public functions
 * are the kernels with every weight 1.
 */

import { argsort } from "./rank-data.ts";
import { assertPaired, type Numbers } from "./validate.ts";

/** Per-item multiplicities of a resample (`null`: every item once). Only non-negative integers make sense. */
export type Weights = Float64Array | null;

/**
 * Dense ranks (0-based; equal values share one), how many distinct values there are, the ascending
 * order they came from, and the number of tied pairs (unweighted).
 */
interface DenseRanks {
  readonly rank: Uint32Array;
  readonly distinct: number;
  readonly order: Uint32Array;
  readonly tiedPairs: number;
}

function denseRanks(values: Numbers): DenseRanks {
  const order = argsort(values);
  const rank = new Uint32Array(order.length);
  let distinct = 0;
  let tiedPairs = 0;
  let run = 1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (k > 0) {
      if (values[i] !== values[order[k - 1] as number]) {
        distinct++;
        tiedPairs += (run * (run - 1)) / 2;
        run = 1;
      } else run++;
    }
    rank[i] = distinct;
  }
  tiedPairs += (run * (run - 1)) / 2;
  return { rank, distinct: order.length === 0 ? 0 : distinct + 1, order, tiedPairs: order.length === 0 ? 0 : tiedPairs };
}

/** Average ranks (1-based) of the weighted sample: a group of equal values with total weight G starting after `below` smaller ones gets below + (G + 1) / 2. */
function weightedAverageRanks(dense: DenseRanks, weights: Weights, groupWeight: Float64Array, ranks: Float64Array): Float64Array {
  const { rank, distinct } = dense;
  groupWeight.fill(0);
  if (weights === null) {
    for (let i = 0; i < rank.length; i++) groupWeight[rank[i] as number]! += 1;
  } else {
    for (let i = 0; i < rank.length; i++) groupWeight[rank[i] as number]! += weights[i] as number;
  }
  let below = 0;
  for (let g = 0; g < distinct; g++) {
    const weight = groupWeight[g] as number;
    groupWeight[g] = below + (weight + 1) / 2;
    below += weight;
  }
  for (let i = 0; i < rank.length; i++) ranks[i] = groupWeight[rank[i] as number] as number;
  return ranks;
}

/** Items summed naively before a block's sum joins the total (see `weightedPearson`). */
const BLOCK = 256;

/**
 * Pearson's r of a weighted sample, or `null` when fewer than two items carry weight or either side is
 * constant. Constancy is tested on the values themselves: a rounded mean can leave a spurious tiny
 * variance for data such as [0.1, 0.1, 0.1]. Sums are blocked (naive within 256 items, then added to
 * the total), which bounds rounding like NumPy's pairwise sum: a plain running sum drifted 5e-12 from
 * SciPy at n = 10^6.
 */
export function weightedPearson(x: Numbers, y: Numbers, weights: Weights): number | null {
  const n = x.length;
  let total = 0;
  let sumX = 0;
  let sumY = 0;
  let firstX = 0;
  let firstY = 0;
  let seen = false;
  let variesX = false;
  let variesY = false;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    let blockX = 0;
    let blockY = 0;
    for (let i = start; i < end; i++) {
      const w = weights === null ? 1 : (weights[i] as number);
      if (w === 0) continue;
      const xi = x[i] as number;
      const yi = y[i] as number;
      if (!seen) {
        firstX = xi;
        firstY = yi;
        seen = true;
      }
      if (xi !== firstX) variesX = true;
      if (yi !== firstY) variesY = true;
      total += w;
      blockX += w * xi;
      blockY += w * yi;
    }
    sumX += blockX;
    sumY += blockY;
  }
  if (total < 2 || !variesX || !variesY) return null;
  const meanX = sumX / total;
  const meanY = sumY / total;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    let blockXX = 0;
    let blockYY = 0;
    let blockXY = 0;
    for (let i = start; i < end; i++) {
      const w = weights === null ? 1 : (weights[i] as number);
      if (w === 0) continue;
      const dx = (x[i] as number) - meanX;
      const dy = (y[i] as number) - meanY;
      blockXX += w * dx * dx;
      blockYY += w * dy * dy;
      blockXY += w * dx * dy;
    }
    sxx += blockXX;
    syy += blockYY;
    sxy += blockXY;
  }
  // Two square roots rather than sqrt(sxx * syy): the product can overflow for large-magnitude data.
  const r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  return Math.min(1, Math.max(-1, r));
}

/** Sum over groups of G·(G−1)/2, G the group's total weight: the number of tied pairs. */
function tiedPairs(groupWeights: Float64Array): number {
  let pairs = 0;
  for (let g = 0; g < groupWeights.length; g++) {
    const weight = groupWeights[g] as number;
    pairs += (weight * (weight - 1)) / 2;
  }
  return pairs;
}

/** The number of groups that carry weight: the distinct values of a weighted sample. */
function classes(groupWeights: Float64Array): number {
  let count = 0;
  for (let g = 0; g < groupWeights.length; g++) if ((groupWeights[g] as number) > 0) count++;
  return count;
}

/** Block size of the insertion-sort base of the unweighted inversion count. */
const INSERTION_BLOCK = 16;

/**
 * Knight's merge sort: sorts `keys` (y ranks listed in (x, y) order) and returns the weighted number of
 * strictly inverted pairs, i.e. discordant pairs. Each left item taken by a merge is inverted with
 * exactly the right items already taken, which are strictly smaller than it. Keys stay below 2^31.
 * Sorts in place, using the scratch arrays (at least as long as `keys`) as the second buffer.
 */
function weightedInversions(
  keys: Uint32Array,
  weights: Float64Array | null,
  scratchKeys: Uint32Array,
  scratchWeights: Float64Array,
): number {
  const n = keys.length;
  let srcKeys: Uint32Array = keys;
  let dstKeys: Uint32Array = scratchKeys;
  let srcWeights: Float64Array | null = weights;
  let dstWeights: Float64Array | null = weights === null ? null : scratchWeights;
  let inversions = 0;
  let width = 1;
  if (weights === null) {
    // Unweighted: sort blocks by insertion first (each shift past a strictly larger key is one inversion);
    // on blocks this small it beats the first four merge passes.
    width = INSERTION_BLOCK;
    for (let lo = 0; lo < n; lo += INSERTION_BLOCK) {
      const hi = Math.min(lo + INSERTION_BLOCK, n);
      for (let i = lo + 1; i < hi; i++) {
        const key = keys[i] as number;
        let j = i - 1;
        while (j >= lo && (keys[j] as number) > key) {
          keys[j + 1] = keys[j] as number;
          j--;
        }
        inversions += i - 1 - j;
        keys[j + 1] = key;
      }
    }
  }
  for (; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let out = lo;
      let rightTaken = 0;
      // The merges are branch-free: `right` is 1 when the right key is strictly smaller, computed from
      // the sign bit. On shuffled data a compare-and-branch mispredicts half the time and ran 2x slower.
      if (srcWeights === null || dstWeights === null) {
        while (i < mid && j < hi) {
          const a = srcKeys[i] as number;
          const b = srcKeys[j] as number;
          const right = (b - a) >>> 31;
          dstKeys[out++] = a + (b - a) * right;
          j += right;
          i += 1 - right;
          rightTaken += right;
          inversions += (1 - right) * rightTaken;
        }
        inversions += (mid - i) * rightTaken;
        while (i < mid) dstKeys[out++] = srcKeys[i++] as number;
        while (j < hi) dstKeys[out++] = srcKeys[j++] as number;
      } else {
        while (i < mid && j < hi) {
          const a = srcKeys[i] as number;
          const b = srcKeys[j] as number;
          const wa = srcWeights[i] as number;
          const wb = srcWeights[j] as number;
          const right = (b - a) >>> 31;
          dstKeys[out] = a + (b - a) * right;
          dstWeights[out++] = wa + (wb - wa) * right;
          j += right;
          i += 1 - right;
          rightTaken += wb * right;
          inversions += wa * (1 - right) * rightTaken;
        }
        while (i < mid) {
          inversions += (srcWeights[i] as number) * rightTaken;
          dstWeights[out] = srcWeights[i] as number;
          dstKeys[out++] = srcKeys[i++] as number;
        }
        while (j < hi) {
          dstWeights[out] = srcWeights[j] as number;
          dstKeys[out++] = srcKeys[j++] as number;
        }
      }
    }
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
    [srcWeights, dstWeights] = [dstWeights, srcWeights];
  }
  return inversions;
}

/** What both Kendall variants are made of: n, concordant minus discordant pairs, and the ties and classes of each side. */
interface KendallParts {
  readonly size: number;
  readonly conMinusDis: number;
  readonly pairs: number;
  readonly tiesX: number;
  readonly tiesY: number;
  readonly classesX: number;
  readonly classesY: number;
}

/** Kendall's parts of the unweighted sample: tie counts come from the sorts, the loop only gathers keys. */
function unweightedKendall(rx: DenseRanks, ry: DenseRanks, order: Uint32Array, keys: Uint32Array, scratch: Uint32Array): KendallParts | null {
  const n = order.length;
  const pairs = (n * (n - 1)) / 2;
  if (rx.tiedPairs === pairs || ry.tiedPairs === pairs) return null;
  let jointTies = 0;
  let run = 0;
  let previousX = -1;
  let previousY = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const xr = rx.rank[i] as number;
    const yr = ry.rank[i] as number;
    keys[k] = yr;
    // In (x, y) order, items tied on both x and y are adjacent.
    if (xr === previousX && yr === previousY) run++;
    else {
      jointTies += (run * (run - 1)) / 2;
      run = 1;
      previousX = xr;
      previousY = yr;
    }
  }
  jointTies += (run * (run - 1)) / 2;
  const discordant = weightedInversions(keys.subarray(0, n), null, scratch, EMPTY_WEIGHTS);
  // SciPy's arithmetic, step for step: con − dis from the pair identity.
  const conMinusDis = pairs - rx.tiedPairs - ry.tiedPairs + jointTies - 2 * discordant;
  return { size: n, conMinusDis, pairs, tiesX: rx.tiedPairs, tiesY: ry.tiedPairs, classesX: rx.distinct, classesY: ry.distinct };
}

/** Tau-b from Kendall's parts, as SciPy computes it (two square roots, clipped to [−1, 1]). */
function tauB(parts: KendallParts | null): number | null {
  if (parts === null) return null;
  const tau = parts.conMinusDis / Math.sqrt(parts.pairs - parts.tiesX) / Math.sqrt(parts.pairs - parts.tiesY);
  return Math.min(1, Math.max(-1, tau));
}

/** Tau-c (Stuart's) from Kendall's parts: 2(P − Q) / (n² (m − 1) / m), m the fewer distinct values of the two sides. */
function tauC(parts: KendallParts | null): number | null {
  if (parts === null) return null;
  const m = Math.min(parts.classesX, parts.classesY);
  const tau = (2 * parts.conMinusDis) / ((parts.size * parts.size * (m - 1)) / m);
  return Math.min(1, Math.max(-1, tau));
}

const EMPTY_WEIGHTS = new Float64Array(0);


/** Paired data sorted once, from which SRCC, PLCC and KRCC of any weighted resample follow cheaply. */
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
 * Validates a pair of arrays and prepares it for repeated (weighted) correlation; sorting happens on
 * first use. The result reuses internal buffers between calls, so weights may be changed between calls.
 */
export function preparePair(xValues: Numbers, yValues: Numbers): PreparedPair {
  assertPaired(xValues, yValues);
  // One array type in the kernels keeps V8's element access monomorphic (plain arrays ran 3x slower).
  const x = xValues instanceof Float64Array ? xValues : Float64Array.from(xValues);
  const y = yValues instanceof Float64Array ? yValues : Float64Array.from(yValues);
  const n = x.length;
  let scratch: { groupX: Float64Array; groupY: Float64Array; ranksX: Float64Array; ranksY: Float64Array } | undefined;
  let kScratch:
    | { keys: Uint32Array; keyWeights: Float64Array; mergeKeys: Uint32Array; mergeWeights: Float64Array; byX: Float64Array; byY: Float64Array }
    | undefined;
  let ranksX: DenseRanks | undefined;
  let ranksY: DenseRanks | undefined;
  let lexOrder: Uint32Array | undefined;
  const dense = (): [DenseRanks, DenseRanks] => {
    ranksX ??= denseRanks(x);
    ranksY ??= denseRanks(y);
    return [ranksX, ranksY];
  };
  // Items ordered by (x, y): a stable counting sort by x rank of the items in y order, as SciPy does.
  const lex = (): Uint32Array => {
    if (lexOrder !== undefined) return lexOrder;
    const [rx, ry] = dense();
    // Without ties in x, the x order is already the (x, y) order.
    if (rx.distinct === n) {
      lexOrder = rx.order;
      return lexOrder;
    }
    const yOrder = new Uint32Array(n);
    const startY = new Uint32Array(ry.distinct + 1);
    for (let i = 0; i < n; i++) startY[(ry.rank[i] as number) + 1]!++;
    for (let g = 0; g < ry.distinct; g++) startY[g + 1]! += startY[g] as number;
    for (let i = 0; i < n; i++) yOrder[startY[ry.rank[i] as number]!++] = i;
    const startX = new Uint32Array(rx.distinct + 1);
    for (let i = 0; i < n; i++) startX[(rx.rank[i] as number) + 1]!++;
    for (let g = 0; g < rx.distinct; g++) startX[g + 1]! += startX[g] as number;
    lexOrder = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      const i = yOrder[k] as number;
      lexOrder[startX[rx.rank[i] as number]!++] = i;
    }
    return lexOrder;
  };
  const kendallParts = (weights: Weights): KendallParts | null => {
    const [rx, ry] = dense();
    const order = lex();
    // Weight buffers only for weighted calls: a single unweighted KRCC needs none of them.
    kScratch ??= { keys: new Uint32Array(n), mergeKeys: new Uint32Array(n), keyWeights: EMPTY_WEIGHTS, mergeWeights: EMPTY_WEIGHTS, byX: EMPTY_WEIGHTS, byY: EMPTY_WEIGHTS };
    if (weights === null) return unweightedKendall(rx, ry, order, kScratch.keys, kScratch.mergeKeys);
    if (kScratch.keyWeights.length < n) {
      kScratch.keyWeights = new Float64Array(n);
      kScratch.mergeWeights = new Float64Array(n);
      kScratch.byX = new Float64Array(rx.distinct);
      kScratch.byY = new Float64Array(ry.distinct);
    }
    // Items a resample did not draw take no part; dropping them shortens the merge sort.
    let m = 0;
    for (let k = 0; k < n; k++) if ((weights[order[k] as number] as number) > 0) m++;
    const keys = kScratch.keys.subarray(0, m);
    const keyWeights = kScratch.keyWeights.subarray(0, m);
    const { byX, byY } = kScratch;
    byX.fill(0);
    byY.fill(0);
    let total = 0;
    let jointTies = 0;
    let run = 0;
    let previous = -1;
    for (let k = 0, out = 0; k < n; k++) {
      const i = order[k] as number;
      const w = weights[i] as number;
      if (w === 0) continue;
      const xr = rx.rank[i] as number;
      const yr = ry.rank[i] as number;
      keys[out] = yr;
      keyWeights[out] = w;
      out++;
      total += w;
      byX[xr]! += w;
      byY[yr]! += w;
      // In (x, y) order, items tied on both x and y are adjacent.
      if (previous >= 0 && rx.rank[previous] === xr && ry.rank[previous] === yr) {
        run += w;
      } else {
        jointTies += (run * (run - 1)) / 2;
        run = w;
      }
      previous = i;
    }
    jointTies += (run * (run - 1)) / 2;
    const pairs = (total * (total - 1)) / 2;
    const tiesX = tiedPairs(byX);
    const tiesY = tiedPairs(byY);
    if (tiesX === pairs || tiesY === pairs) return null;
    const discordant = weightedInversions(keys, keyWeights, kScratch.mergeKeys, kScratch.mergeWeights);
    // SciPy's arithmetic, step for step: con − dis from the pair identity.
    const conMinusDis = pairs - tiesX - tiesY + jointTies - 2 * discordant;
    return { size: total, conMinusDis, pairs, tiesX, tiesY, classesX: classes(byX), classesY: classes(byY) };
  };
  return {
    n,
    srcc(weights: Weights = null) {
      const [rx, ry] = dense();
      scratch ??= {
        groupX: new Float64Array(rx.distinct),
        groupY: new Float64Array(ry.distinct),
        ranksX: new Float64Array(n),
        ranksY: new Float64Array(n),
      };
      return weightedPearson(
        weightedAverageRanks(rx, weights, scratch.groupX, scratch.ranksX),
        weightedAverageRanks(ry, weights, scratch.groupY, scratch.ranksY),
        weights,
      );
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

/** Spearman's rank correlation (average ranks for ties), or `null` when n < 2 or an input is constant. */
export function spearman(x: Numbers, y: Numbers): number | null {
  return preparePair(x, y).srcc();
}

/** Pearson's linear correlation, or `null` when n < 2 or an input is constant. */
export function pearson(x: Numbers, y: Numbers): number | null {
  return preparePair(x, y).plcc();
}

/** Kendall's tau-b (tie-corrected) in O(n log n), or `null` when n < 2 or an input is constant. */
export function kendall(x: Numbers, y: Numbers): number | null {
  return preparePair(x, y).krcc();
}

/** Kendall's tau-c (Stuart's, `scipy.stats.kendalltau(variant="c")`), or `null` when n < 2 or an input is constant. */
export function kendallC(x: Numbers, y: Numbers): number | null {
  return preparePair(x, y).krccC();
}
