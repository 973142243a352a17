/**
 * How much a rater's leniency toward one T2V model differs from that rater's leniency overall: the rater × model
 * interaction variance σ²_rm of a benchmark's own per-rater ratings. Anchors cannot remove it (they tie a panel's
 * overall leniency to the benchmark's, not its leniency toward the one new model), so a panel of k raters carries
 * σ²_rm / k of it into its figure for a new model.
 *
 * The estimator is the method of moments (ANOVA) of the design raters × videos nested in models, on the videos
 * every rater rated: with d_rv = x_rv − x̄_v a rater's offset from the video's mean, o_rg the rater's mean offset on
 * model g's n_g videos and ō_r = Σ_g n_g·o_rg / N the rater's offset overall,
 *   MS_RM = Σ_r Σ_g n_g (o_rg − ō_r)² / ((R − 1)(G − 1))      (rater × model interaction),
 *   MS_E  = Σ_r Σ_v (d_rv − o_rg(v))² / ((R − 1)(N − G))       (rater × video within model: the sampling noise),
 *   σ²_rm = max(0, (MS_RM − MS_E) / n₀),  n₀ = (N − Σ_g n_g² / N) / (G − 1),
 * since E[MS_RM] = σ²_e + n₀·σ²_rm and E[MS_E] = σ²_e.
 */
import type { RatingMatrix } from "./mos.ts";

/** The estimate and what it rests on. */
export interface RaterModelVariance {
  /** σ²_rm, at least 0. */
  readonly variance: number;
  readonly interactionMeanSquare: number;
  readonly residualMeanSquare: number;
  /** Raters, models and videos (rated by every rater) the estimate rests on. */
  readonly raters: number;
  readonly models: number;
  readonly videos: number;
}

/**
 * σ²_rm from a rater × video matrix (null: not rated) and each video's model; only videos every rater rated
 * count. Null without two raters, two models with such videos, and more such videos than models.
 */
export function raterModelVariance(ratings: RatingMatrix, models: readonly string[]): RaterModelVariance | null {
  const raters = ratings.length;
  const items = models.length;
  ratings.forEach((row, r) => {
    if (row.length !== items) throw new RangeError(`rater ${r} has ${row.length} ratings for ${items} videos`);
  });
  if (raters < 2) return null;
  const complete: number[] = [];
  for (let i = 0; i < items; i++) if (ratings.every((row) => row[i] !== null && row[i] !== undefined && Number.isFinite(row[i]))) complete.push(i);
  const groupOf = new Map<string, number>();
  for (const i of complete) if (!groupOf.has(models[i] as string)) groupOf.set(models[i] as string, groupOf.size);
  const groups = groupOf.size;
  const videos = complete.length;
  if (groups < 2 || videos <= groups) return null;
  // Offsets d_rv from each video's mean, and their sums per rater and model.
  const offsets = new Float64Array(raters * videos);
  const sums = new Float64Array(raters * groups);
  const counts = new Float64Array(groups);
  const group = new Uint32Array(videos);
  complete.forEach((i, v) => {
    let mean = 0;
    for (const row of ratings) mean += row[i] as number;
    mean /= raters;
    const g = groupOf.get(models[i] as string) as number;
    group[v] = g;
    counts[g]! += 1;
    for (let r = 0; r < raters; r++) {
      const d = (ratings[r]?.[i] as number) - mean;
      offsets[r * videos + v] = d;
      sums[r * groups + g]! += d;
    }
  });
  let interaction = 0;
  let residual = 0;
  for (let r = 0; r < raters; r++) {
    let overall = 0;
    for (let g = 0; g < groups; g++) overall += sums[r * groups + g] as number;
    overall /= videos;
    for (let g = 0; g < groups; g++) interaction += (counts[g] as number) * ((sums[r * groups + g] as number) / (counts[g] as number) - overall) ** 2;
    for (let v = 0; v < videos; v++) {
      const g = group[v] as number;
      residual += ((offsets[r * videos + v] as number) - (sums[r * groups + g] as number) / (counts[g] as number)) ** 2;
    }
  }
  const interactionMeanSquare = interaction / ((raters - 1) * (groups - 1));
  const residualMeanSquare = residual / ((raters - 1) * (videos - groups));
  let squares = 0;
  for (let g = 0; g < groups; g++) squares += (counts[g] as number) ** 2;
  const n0 = (videos - squares / videos) / (groups - 1);
  return { variance: Math.max(0, (interactionMeanSquare - residualMeanSquare) / n0), interactionMeanSquare, residualMeanSquare, raters, models: groups, videos };
}
