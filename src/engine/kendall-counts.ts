/**
 * What Kendall's counting methods share: the parts tau-b and tau-c are made of, and the tie and class
 * counts of weighted groups.
 */

import type { Arrays } from "./arrays.ts";
import type { Weights } from "./pearson.ts";

/** What both Kendall variants are made of: n, concordant minus discordant pairs, and the ties and classes of each side. */
export interface KendallParts {
  readonly size: number;
  readonly conMinusDis: number;
  readonly pairs: number;
  readonly tiesX: number;
  readonly tiesY: number;
  readonly classesX: number;
  readonly classesY: number;
}

/** Counts Kendall's parts of a weighted sample (weights null: every item once). */
export type KendallCounter = (weights: Weights) => KendallParts | null;

/** The counts every counting method gathers, turned into Kendall's parts (null when a side is constant or n < 2). */
export function kendallParts(total: number, tiesX: number, tiesY: number, jointTies: number, discordant: number, classesX: number, classesY: number): KendallParts | null {
  const pairs = (total * (total - 1)) / 2;
  if (tiesX === pairs || tiesY === pairs) return null;
  // SciPy's arithmetic, step for step: con − dis from the pair identity.
  const conMinusDis = pairs - tiesX - tiesY + jointTies - 2 * discordant;
  return { size: total, conMinusDis, pairs, tiesX, tiesY, classesX, classesY };
}

/** Sum over groups of G·(G−1)/2, G the group's total weight: the number of tied pairs. */
export function tiedPairs(groupWeights: Float64Array): number {
  let pairs = 0;
  for (let g = 0; g < groupWeights.length; g++) {
    const weight = groupWeights[g] as number;
    pairs += (weight * (weight - 1)) / 2;
  }
  return pairs;
}

/**
 * The number of groups that carry weight: the distinct values of a weighted sample. Weights are whole
 * numbers, so min(w, 1) counts one per group without a branch.
 */
export function classes(groupWeights: Float64Array): number {
  let count = 0;
  for (let g = 0; g < groupWeights.length; g++) count += Math.min(groupWeights[g] as number, 1);
  return count;
}

/** Each item's position in `order`. */
export function inversePermutation(order: Uint32Array, arrays: Arrays): Uint32Array {
  const position = arrays.uint32(order.length);
  for (let k = 0; k < order.length; k++) position[order[k] as number] = k;
  return position;
}
