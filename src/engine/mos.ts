/**
 * Mean opinion scores from a rater × item matrix, by the procedure AIGVE-60K's MOS came from:
 * ITU-R BT.500-style observer screening, then per-rater z-scores rescaled to 0–100.
 *
 * Where the written procedure leaves a gap, the engine decides as follows (the golden reimplementation
 * in scripts/dev/golden/make_mos_fixtures.py does the same):
 *  - an item rated once has no sample SD: it flags nobody (no P or Q) and its one rating is kept;
 *  - N in the rejection rule is the number of items the rater rated (all items when nothing is missing);
 *  - a rater with fewer than two ratings, or all ratings equal, cannot be z-scored: their ratings are
 *    left out of every item and they are reported in `constantRaters`. They still take part in the
 *    screening statistics of the items, since those describe what the panel answered.
 */

/** One rater's scores per item (`null`: not rated). Any finite numbers; AIGVE-60K uses integers 1–5. */
export type RatingMatrix = ReadonlyArray<ReadonlyArray<number | null>>;

/** Per-item results of `computeMos` (arrays indexed by item) and the raters that were set aside. */
export interface MosResult {
  /** Mean of the rescaled z-scores (0–100 scale, 50 = a rater's own average) of the used ratings; null if none. */
  readonly mos: (number | null)[];
  /** Mean of the used raw scores; null if none. */
  readonly rawMos: (number | null)[];
  /** Sample SD (n − 1) of the rescaled z-scores of the used ratings; null with fewer than two. */
  readonly sd: (number | null)[];
  /** Number of used ratings. */
  readonly count: number[];
  /** Each rater's rescaled z-score of each item where it counts (rater-major; null: not rated or not counted): `mos` is their mean. */
  readonly contributions: (number | null)[][];
  /** Raters rejected by the screening (row indices, ascending). */
  readonly rejectedRaters: number[];
  /** Raters whose scores do not vary, so they cannot be z-scored (row indices, ascending). */
  readonly constantRaters: number[];
}

const K_NORMAL = 2;
const K_OTHER = Math.sqrt(20);

function validate(ratings: RatingMatrix): number {
  const items = ratings[0]?.length ?? 0;
  ratings.forEach((row, r) => {
    if (row.length !== items) {
      throw new RangeError(`rater ${r} has ${row.length} ratings but rater 0 has ${items}`);
    }
    row.forEach((score, i) => {
      if (score !== null && (typeof score !== "number" || !Number.isFinite(score))) {
        throw new RangeError(`rating of rater ${r} for item ${i} is not a finite number (${String(score)})`);
      }
    });
  });
  return items;
}

/** Outlier bounds μ ± kσ of one item, or null when its SD is undefined (fewer than two ratings). */
function itemBounds(ratings: RatingMatrix, item: number): { lower: number; upper: number } | null {
  let n = 0;
  let sum = 0;
  for (const row of ratings) {
    const score = row[item];
    if (score === null || score === undefined) continue;
    n++;
    sum += score;
  }
  if (n < 2) return null;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const row of ratings) {
    const score = row[item];
    if (score === null || score === undefined) continue;
    const d = (score - mean) * (score - mean);
    m2 += d;
    m4 += d * d;
  }
  const sigma = Math.sqrt(m2 / (n - 1));
  // Kurtosis from biased moments, non-excess (a normal distribution gives 3); undefined when σ = 0.
  const beta = m2 > 0 ? m4 / n / ((m2 / n) * (m2 / n)) : Number.NaN;
  const k = beta >= 2 && beta <= 4 ? K_NORMAL : K_OTHER;
  return { lower: mean - k * sigma, upper: mean + k * sigma };
}

/** Computes MOS, raw MOS, SD and rating count per item after BT.500-style screening of the raters. */
export function computeMos(ratings: RatingMatrix): MosResult {
  const items = validate(ratings);
  const bounds = Array.from({ length: items }, (_, i) => itemBounds(ratings, i));

  const rejectedRaters: number[] = [];
  const constantRaters: number[] = [];
  const zScale: { mean: number; sd: number }[] = [];
  ratings.forEach((row, r) => {
    let p = 0;
    let q = 0;
    let rated = 0;
    let sum = 0;
    row.forEach((score, i) => {
      if (score === null) return;
      rated++;
      sum += score;
      const b = bounds[i];
      if (b === null || b === undefined) return;
      // An item counts once, P first.
      if (score >= b.upper) p++;
      else if (score <= b.lower) q++;
    });
    if (rated > 0 && (p + q) / rated > 0.05 && Math.abs(p - q) / (p + q) < 0.3) rejectedRaters.push(r);
    const mean = rated > 0 ? sum / rated : 0;
    let squares = 0;
    for (const score of row) if (score !== null) squares += (score - mean) * (score - mean);
    const sd = rated > 1 ? Math.sqrt(squares / (rated - 1)) : 0;
    if (sd === 0) constantRaters.push(r);
    zScale.push({ mean, sd });
  });

  const excluded = new Set([...rejectedRaters, ...constantRaters]);
  const mos: (number | null)[] = [];
  const rawMos: (number | null)[] = [];
  const sd: (number | null)[] = [];
  const count: number[] = [];
  const contributions: (number | null)[][] = ratings.map(() => new Array<number | null>(items).fill(null));
  for (let i = 0; i < items; i++) {
    const b = bounds[i];
    const rescaled: number[] = [];
    let rawSum = 0;
    ratings.forEach((row, r) => {
      const score = row[i];
      if (score === null || score === undefined || excluded.has(r)) return;
      if (b !== null && b !== undefined && (score < b.lower || score > b.upper)) return;
      const scale = zScale[r] as { mean: number; sd: number };
      const z = (score - scale.mean) / scale.sd;
      const value = ((z + 3) * 100) / 6;
      rescaled.push(value);
      (contributions[r] as (number | null)[])[i] = value;
      rawSum += score;
    });
    const n = rescaled.length;
    const mean = n > 0 ? rescaled.reduce((a, v) => a + v, 0) / n : null;
    count.push(n);
    mos.push(mean);
    rawMos.push(n > 0 ? rawSum / n : null);
    if (n < 2 || mean === null) {
      sd.push(null);
    } else {
      sd.push(Math.sqrt(rescaled.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (n - 1)));
    }
  }
  return { mos, rawMos, sd, count, contributions, rejectedRaters, constantRaters };
}
