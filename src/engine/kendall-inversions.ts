/**
 * Kendall's counts for data with many distinct values on both sides: the discordant pairs are the
 * inversions of the y ranks listed in (x, y) order (counted by inversions.ts).
 */

import type { Arrays } from "./arrays.ts";
import { classes, inversePermutation, kendallParts, tiedPairs, type KendallCounter, type KendallParts } from "./kendall-counts.ts";
import { inversionCounter } from "./inversions.ts";
import type { DenseRanks } from "./rank-data.ts";

/**
 * Counts from the y ranks listed in (x, y) order, whose strict inversions are the discordant pairs.
 * Unweighted, the x order is enough: each x group's y ranks are sorted in place, which puts items tied
 * on both sides next to each other. Weighted, the (x, y) order is built once and the items a resample
 * did not draw are left out.
 */
export function inversionsCounter(rx: DenseRanks, ry: DenseRanks, arrays: Arrays): KendallCounter {
  const n = rx.n;
  const keys = arrays.uint32(n);
  const countInversions = inversionCounter(ry.distinct, n, arrays);
  let weighted: WeightedLayout | undefined;
  const unweighted = (): KendallParts | null => {
    const { order, starts } = rx;
    const yRank = ry.rank;
    for (let k = 0; k < n; k++) keys[k] = yRank[order[k] as number] as number;
    let jointTies = 0;
    if (rx.distinct < n) {
      for (let g = 0; g < rx.distinct; g++) {
        const start = starts[g] as number;
        const end = starts[g + 1] as number;
        if (end - start < 2) continue;
        const group = keys.subarray(start, end);
        group.sort();
        let run = 1;
        for (let k = 1; k < group.length; k++) {
          if (group[k] === group[k - 1]) run++;
          else {
            jointTies += (run * (run - 1)) / 2;
            run = 1;
          }
        }
        jointTies += (run * (run - 1)) / 2;
      }
    }
    return kendallParts(n, rx.tiedPairs, ry.tiedPairs, jointTies, countInversions(keys, null, n), rx.distinct, ry.distinct);
  };
  return (weights) => {
    if (weights === null) return unweighted();
    weighted ??= weightedLayout(rx, ry, arrays);
    const { position, lexWeights, xRank, yRank, sameCell, keyWeights, byX, byY } = weighted;
    // Weights into (x, y) order by scattering, so that the loop below reads everything in sequence.
    for (let i = 0; i < n; i++) lexWeights[position[i] as number] = weights[i] as number;
    // Without ties on a side its groups are the items: the ties and classes come from the items' weights.
    const tiedX = rx.distinct < n;
    const tiedY = ry.distinct < n;
    if (tiedX) byX.fill(0);
    if (tiedY) byY.fill(0);
    let total = 0;
    let selfPairs = 0;
    let jointTies = 0;
    let run = 0;
    let m = 0;
    // Branch-free: a third of the items carry weight 0, a coin flip for a branch. Every item is written
    // at position m, which only advances past items that carry weight.
    for (let k = 0; k < n; k++) {
      const w = lexWeights[k] as number;
      const yr = yRank[k] as number;
      keys[m] = yr;
      keyWeights[m] = w;
      m += w > 0 ? 1 : 0;
      total += w;
      selfPairs += (w * (w - 1)) / 2;
      if (tiedX) byX[xRank[k] as number]! += w;
      if (tiedY) byY[yr]! += w;
      // Items tied on both x and y are adjacent in (x, y) order: the weight of the cell so far pairs with w.
      const before = (sameCell[k] as number) * run;
      jointTies += w * before;
      run = before + w;
    }
    jointTies += selfPairs;
    const discordant = countInversions(keys, keyWeights, m);
    const tiesX = tiedX ? tiedPairs(byX) : selfPairs;
    const tiesY = tiedY ? tiedPairs(byY) : selfPairs;
    return kendallParts(total, tiesX, tiesY, jointTies, discordant, tiedX ? classes(byX) : m, tiedY ? classes(byY) : m);
  };
}

/** What the weighted count reads in (x, y) order, built once per pair, and its working buffers. */
interface WeightedLayout {
  /** Each item's position in (x, y) order. */
  readonly position: Uint32Array;
  /** The x and y ranks at each position. */
  readonly xRank: Uint32Array;
  readonly yRank: Uint32Array;
  /** 1 where a position holds the same (x, y) as the one before, else 0. */
  readonly sameCell: Uint32Array;
  /** A resample's weights in (x, y) order, and those of the items it drew. */
  readonly lexWeights: Float64Array;
  readonly keyWeights: Float64Array;
  /** Weight per x group and per y group. */
  readonly byX: Float64Array;
  readonly byY: Float64Array;
}

/** The (x, y) layout of a pair for weighted counts. */
function weightedLayout(rx: DenseRanks, ry: DenseRanks, arrays: Arrays): WeightedLayout {
  const n = rx.n;
  const order = lexicographicOrder(rx, ry, arrays);
  const position = inversePermutation(order, arrays);
  const xRank = arrays.uint32(n);
  const yRank = arrays.uint32(n);
  const sameCell = arrays.uint32(n);
  const rankX = rx.rank;
  const rankY = ry.rank;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    xRank[k] = rankX[i] as number;
    yRank[k] = rankY[i] as number;
    sameCell[k] = k > 0 && xRank[k] === xRank[k - 1] && yRank[k] === yRank[k - 1] ? 1 : 0;
  }
  return {
    position,
    lexWeights: arrays.float64(n),
    xRank,
    yRank,
    sameCell,
    keyWeights: arrays.float64(n),
    byX: arrays.float64(rx.distinct),
    byY: arrays.float64(ry.distinct),
  };
}

/** Items ordered by (x, y): a stable counting sort by x rank of the items in y order, as SciPy orders them. */
function lexicographicOrder(rx: DenseRanks, ry: DenseRanks, arrays: Arrays): Uint32Array {
  const n = rx.n;
  // Without ties in x, the x order is already the (x, y) order.
  if (rx.distinct === n) return rx.order;
  const yOrder = ry.order;
  const xRank = rx.rank;
  const next = arrays.uint32(rx.distinct);
  next.set(rx.starts.subarray(0, rx.distinct));
  const order = arrays.uint32(n);
  for (let k = 0; k < n; k++) {
    const i = yOrder[k] as number;
    order[next[xRank[i] as number]!++] = i;
  }
  return order;
}
