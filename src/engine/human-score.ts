/**
 * A video's human score from a rater × video matrix of ratings, by the procedure a benchmark's authors
 * use: AIGVE-60K's BT.500 screening and rescaled per-rater z-scores (`computeMos`), or FETV's and TVGE's
 * plain mean of the raters' ratings.
 */
import { computeMos, type RatingMatrix } from "./mos.ts";

/** The procedures a benchmark's protocol may declare. */
export type HumanScoreProcedure = "bt500-zscore" | "rater-mean";

/** Per-item human scores (null where nobody's rating counts) and the raters left out, with why. */
export interface HumanScores {
  readonly scores: (number | null)[];
  /** Mean of the counted raw ratings. */
  readonly rawMeans: (number | null)[];
  /** Sample SD (n − 1) of the counted ratings on the score's scale; null with fewer than two. */
  readonly sd: (number | null)[];
  readonly count: number[];
  /**
   * Each rater's contribution to each item's score (rater-major; null: not rated or not counted): the score is
   * their plain mean, so a panel's raters can be resampled without redoing the procedure.
   */
  readonly contributions: (number | null)[][];
  /** Raters whose ratings were left out (row indices, ascending) and the reason. */
  readonly setAside: { readonly rater: number; readonly reason: "screened out" | "constant" }[];
}

function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

/** The plain mean of every rater's rating of each item: no screening, no normalization. */
export function raterMeans(ratings: RatingMatrix): HumanScores {
  const items = ratings[0]?.length ?? 0;
  ratings.forEach((row, r) => {
    if (row.length !== items) throw new RangeError(`rater ${r} has ${row.length} ratings but rater 0 has ${items}`);
    row.forEach((score, i) => {
      if (score !== null && !Number.isFinite(score)) throw new RangeError(`rating of rater ${r} for item ${i} is not a finite number (${String(score)})`);
    });
  });
  const scores: (number | null)[] = [];
  const sd: (number | null)[] = [];
  const count: number[] = [];
  for (let i = 0; i < items; i++) {
    const values = ratings.map((row) => row[i]).filter((v): v is number => v !== null && v !== undefined);
    scores.push(values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null);
    sd.push(sampleSd(values));
    count.push(values.length);
  }
  const contributions = ratings.map((row) => row.map((score) => score ?? null));
  return { scores, rawMeans: scores, sd, count, contributions, setAside: [] };
}

/** Human scores of a rating matrix by the given procedure. */
export function humanScores(procedure: HumanScoreProcedure, ratings: RatingMatrix): HumanScores {
  if (procedure === "rater-mean") return raterMeans(ratings);
  const mos = computeMos(ratings);
  return {
    scores: mos.mos,
    rawMeans: mos.rawMos,
    sd: mos.sd,
    count: mos.count,
    contributions: mos.contributions,
    setAside: [
      ...mos.rejectedRaters.map((rater) => ({ rater, reason: "screened out" as const })),
      ...mos.constantRaters.map((rater) => ({ rater, reason: "constant" as const })),
    ].sort((a, b) => a.rater - b.rater),
  };
}
