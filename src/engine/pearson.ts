/**
 * Pearson's r of a weighted sample, the kernel of PLCC and (on ranks) of SRCC; agrees with
 * scipy.stats.pearsonr to 1e-12.
 */

import type { Numbers } from "./validate.ts";

/** Per-item multiplicities of a resample (`null`: every item once). Only non-negative integers make sense. */
export type Weights = Float64Array | null;

/** Items summed naively before a block's sum joins the total (see `weightedPearson`). */
const BLOCK = 256;

/**
 * Pearson's r of a weighted sample, or `null` when fewer than two items carry weight or either side is
 * constant. Sums are blocked (naive within 256 items, then added to the total), which bounds rounding
 * like NumPy's pairwise sum: a plain running sum drifted 5e-12 from SciPy at n = 10^6. The loops have
 * no branches: an item of weight 0 adds exact zeros, which a resample's third of undrawn items made a
 * coin flip for the branch predictor.
 */
export function weightedPearson(x: Numbers, y: Numbers, weights: Weights): number | null {
  const n = x.length;
  let total = 0;
  let sumX = 0;
  let sumY = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    let blockX = 0;
    let blockY = 0;
    if (weights === null) {
      for (let i = start; i < end; i++) {
        blockX += x[i] as number;
        blockY += y[i] as number;
      }
      total += end - start;
    } else {
      for (let i = start; i < end; i++) {
        const w = weights[i] as number;
        total += w;
        blockX += w * (x[i] as number);
        blockY += w * (y[i] as number);
      }
    }
    sumX += blockX;
    sumY += blockY;
  }
  if (total < 2) return null;
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
    if (weights === null) {
      for (let i = start; i < end; i++) {
        const dx = (x[i] as number) - meanX;
        const dy = (y[i] as number) - meanY;
        blockXX += dx * dx;
        blockYY += dy * dy;
        blockXY += dx * dy;
      }
    } else {
      for (let i = start; i < end; i++) {
        const w = weights[i] as number;
        const dx = (x[i] as number) - meanX;
        const dy = (y[i] as number) - meanY;
        blockXX += w * dx * dx;
        blockYY += w * dy * dy;
        blockXY += w * dx * dy;
      }
    }
    sxx += blockXX;
    syy += blockYY;
    sxy += blockXY;
  }
  if (nearlyConstant(sxx, total, meanX) && constant(x, weights)) return null;
  if (nearlyConstant(syy, total, meanY) && constant(y, weights)) return null;
  // Two square roots rather than sqrt(sxx * syy): the product can overflow for large-magnitude data.
  const r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  return Math.min(1, Math.max(-1, r));
}

/**
 * Whether a sum of squared deviations is small enough that the values may all be equal: a mean of
 * equal values need not round back to their value (0.1 three times), leaving a spurious variance of
 * about total·(mean·1e-13)² at most. Only then are the values themselves compared (see `constant`).
 */
function nearlyConstant(squares: number, total: number, mean: number): boolean {
  return !(squares > 1e-14 * total * mean * mean);
}

/** Whether every item carrying weight has the same value. */
function constant(values: Numbers, weights: Weights): boolean {
  let first: number | null = null;
  for (let i = 0; i < values.length; i++) {
    if (weights !== null && weights[i] === 0) continue;
    const v = values[i] as number;
    if (first === null) first = v;
    else if (v !== first) return false;
  }
  return true;
}
