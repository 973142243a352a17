/** A seeded board scope with stored (single-precision) resampled values for ranking tests: ties, gaps and missing values. */
import { createRandom } from "../../src/engine/index.ts";
import type { StoredRankable } from "../../scripts/scoring/rank-job.ts";

/** A board of `n` entries on `resamples` resamples: values on a few levels (ties), an entry without values, one without draws in a column. */
export function tiedBoard(seed: number, n: number, resamples: number): StoredRankable[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, e) => {
    const unranked = e === 1;
    const values = [0, 1, 2].map((c) => (unranked || (e === 2 && c === 1) ? null : random.nextInt(5) / 4));
    return {
      id: `e${e}`,
      name: `Entry ${e}`,
      values,
      draws: values.map((value) => (value === null ? null : Float32Array.from({ length: resamples }, () => (random.nextInt(9) === 0 ? Number.NaN : random.nextInt(6) / 5)))),
    };
  });
}
