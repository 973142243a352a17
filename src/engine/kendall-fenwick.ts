/**
 * Kendall's counts with a Fenwick tree over the side with few distinct values (MOS levels against
 * continuous predictions), the items taken in the order of the other side: O(n log m) for m levels.
 */

import type { Arrays } from "./arrays.ts";
import { fenwickAdd, fenwickLevels, fenwickPrefix } from "./fenwick.ts";
import { classes, inversePermutation, kendallParts, tiedPairs, type KendallCounter } from "./kendall-counts.ts";
import type { DenseRanks } from "./rank-data.ts";

/**
 * Counts with a Fenwick tree over the ranks of `few`, the side with fewer distinct values, taking the
 * groups of `many` in ascending order: each item is discordant with the earlier items (smaller `many`)
 * that have a larger `few`; a group's items are all queried before any is added, so ties in `many` never
 * count. `fewIsX` says which side is which, for the ties and classes of each.
 */
export function fenwickCounter(many: DenseRanks, few: DenseRanks, fewIsX: boolean, arrays: Arrays): KendallCounter {
  const n = many.rank.length;
  const size = few.distinct;
  const levels = fenwickLevels(size);
  const tree = new Float64Array((1 << levels) + 1);
  const inGroup = new Float64Array(size);
  const fewWeights = new Float64Array(size);
  const { order, starts } = many;
  // The `few` rank of each item in `many` order, built for repeated counts: then read sequentially,
  // where indexing by item would jump.
  let fewRankCache: Uint32Array | undefined;
  const fewRanks = (): Uint32Array => {
    if (fewRankCache === undefined) {
      fewRankCache = arrays.uint32(n);
      for (let k = 0; k < n; k++) fewRankCache[k] = few.rank[order[k] as number] as number;
    }
    return fewRankCache;
  };
  let weighted: { position: Uint32Array; ordered: Float64Array } | undefined;
  // Weight per value of `many`, for the counts with ties in `many` or weights.
  let manyWeights: Float64Array | undefined;
  const result = (total: number, tiesMany: number, tiesFew: number, jointTies: number, discordant: number, classesMany: number, classesFew: number) =>
    fewIsX
      ? kendallParts(total, tiesFew, tiesMany, jointTies, discordant, classesFew, classesMany)
      : kendallParts(total, tiesMany, tiesFew, jointTies, discordant, classesMany, classesFew);
  return (weights) => {
    tree.fill(0);
    if (weights === null && many.distinct === n) {
      // Every item its own value of `many` (continuous data): query, then add, item by item; no pair
      // is tied on both sides.
      const fewRank = few.rank;
      let discordant = 0;
      for (let k = 0; k < n; k++) {
        const r = (fewRank[order[k] as number] as number) + 1;
        discordant += k - fenwickPrefix(tree, r, levels);
        fenwickAdd(tree, r, 1, levels);
      }
      return result(n, many.tiedPairs, few.tiedPairs, 0, discordant, many.distinct, few.distinct);
    }
    // Weights into `many` order by scattering, so that the loops below read everything in sequence.
    let ordered: Float64Array | null = null;
    if (weights !== null) {
      weighted ??= { position: inversePermutation(order, arrays), ordered: arrays.float64(n) };
      ordered = weighted.ordered;
      for (let i = 0; i < n; i++) ordered[weighted.position[i] as number] = weights[i] as number;
    }
    const fewRank = fewRanks();
    fewWeights.fill(0);
    if (ordered !== null && many.distinct === n) {
      // As above, with weights: an item of weight w is tied with its own copies on both sides.
      let inserted = 0;
      let discordant = 0;
      let selfPairs = 0;
      let drawn = 0;
      for (let k = 0; k < n; k++) {
        const w = ordered[k] as number;
        const r = fewRank[k] as number;
        discordant += w * (inserted - fenwickPrefix(tree, r + 1, levels));
        fenwickAdd(tree, r + 1, w, levels);
        fewWeights[r]! += w;
        selfPairs += (w * (w - 1)) / 2;
        drawn += Math.min(w, 1);
        inserted += w;
      }
      return result(inserted, selfPairs, tiedPairs(fewWeights), selfPairs, discordant, drawn, classes(fewWeights));
    }
    manyWeights ??= arrays.float64(many.distinct);
    let inserted = 0;
    let discordant = 0;
    let jointTies = 0;
    for (let g = 0; g < many.distinct; g++) {
      const start = starts[g] as number;
      const end = starts[g + 1] as number;
      let groupWeight = 0;
      for (let k = start; k < end; k++) {
        const w = ordered === null ? 1 : (ordered[k] as number);
        const r = fewRank[k] as number;
        // Weight of earlier items with a larger `few` rank: all inserted minus those at rank ≤ r.
        discordant += w * (inserted - fenwickPrefix(tree, r + 1, levels));
        jointTies += w * (inGroup[r] as number) + (w * (w - 1)) / 2;
        inGroup[r]! += w;
        groupWeight += w;
      }
      // A group's items are added only after all were queried, so that ties in `many` never count;
      // inGroup holds the group's weight at each rank and is cleared as it is added.
      for (let k = start; k < end; k++) {
        const r = fewRank[k] as number;
        const w = inGroup[r] as number;
        inGroup[r] = 0;
        fewWeights[r]! += w;
        fenwickAdd(tree, r + 1, w, levels);
      }
      manyWeights[g] = groupWeight;
      inserted += groupWeight;
    }
    return result(inserted, tiedPairs(manyWeights), tiedPairs(fewWeights), jointTies, discordant, classes(manyWeights), classes(fewWeights));
  };
}
