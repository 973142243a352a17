/**
 * How well independent panels can agree: the Spearman–Brown reliability of a mean of k raters, and the most
 * a k-rater panel's means can correlate with a benchmark's K-rater means of the same videos.
 */
import { pearson } from "./correlation.ts";

/** Spearman–Brown: the reliability of a mean of k raters whose single-rater reliability is rho. */
export function spearmanBrown(rho: number, k: number): number {
  if (!(k > 0)) throw new RangeError(`spearmanBrown needs k > 0 raters, got ${k}`);
  return (k * rho) / (1 + (k - 1) * rho);
}

/**
 * The expected correlation of a k-rater mean with an independent K-rater mean of the same videos,
 * √(SB(ρ, k) · SB(ρ, K)): what an honest panel of k reaches on average against the benchmark's K.
 */
export function agreementCeiling(rho: number, panelRaters: number, benchmarkRaters: number): number {
  if (!(rho > 0)) return 0;
  return Math.sqrt(spearmanBrown(rho, panelRaters) * spearmanBrown(rho, benchmarkRaters));
}

/**
 * A single rater's reliability: the mean Pearson r over pairs of raters on the items both rated (rows are
 * raters, null where a rater did not rate an item). Pairs with fewer than 3 shared items or a constant side
 * are left out; null when no pair remains.
 */
export function singleRaterReliability(ratings: readonly (readonly (number | null)[])[]): number | null {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < ratings.length; a++) {
    for (let b = a + 1; b < ratings.length; b++) {
      const x: number[] = [];
      const y: number[] = [];
      const ra = ratings[a] as readonly (number | null)[];
      const rb = ratings[b] as readonly (number | null)[];
      for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
        const u = ra[i];
        const v = rb[i];
        if (u === null || u === undefined || v === null || v === undefined) continue;
        x.push(u);
        y.push(v);
      }
      if (x.length < 3) continue;
      const r = pearson(x, y);
      if (r === null) continue;
      sum += r;
      pairs++;
    }
  }
  return pairs === 0 ? null : sum / pairs;
}
