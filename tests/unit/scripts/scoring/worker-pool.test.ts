/**
 * Scoring in worker threads gives the figures of scoring in this thread, bit for bit, however the jobs fall
 * to the workers: each job is seeded by its settings alone.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createRandom, type Direction } from "../../../../src/engine/index.ts";
import { rankJob, runRankJob } from "../../../../scripts/scoring/rank-job.ts";
import { runJob, type ResampleJob } from "../../../../scripts/scoring/statistic-recipe.ts";
import { workerPool } from "../../../../scripts/scoring/worker-pool.ts";
import { tiedBoard } from "../../../support/tied-board.ts";

const SETTINGS = { resamples: 200, seed: 7, confidence: 0.95 };

/** Jobs of every recipe kind on seeded data: n items, levels of 1–5 means against continuous or tied predictions. */
function jobs(): ResampleJob[] {
  const random = createRandom(3);
  const made: ResampleJob[] = [];
  for (const n of [5, 40, 300]) {
    const units = Uint32Array.from({ length: n }, (_, i) => i);
    const truth = Float64Array.from({ length: n }, () => 1 + random.nextInt(13) / 3);
    const continuous = Float64Array.from({ length: n }, () => random.nextFloat());
    const tied = Float64Array.from({ length: n }, () => random.nextInt(7));
    made.push({
      recipes: [
        ...(["srcc", "plcc", "krcc", "krcc_c"] as const).flatMap((metric) => [
          { kind: "correlation" as const, metric, units, x: continuous, y: truth },
          { kind: "correlation" as const, metric, units, x: tied, y: truth },
        ]),
        { kind: "mean", units, values: truth, scale: 100 },
        { kind: "mean", units, values: continuous, scale: 1, predictionError: { sd: 0.5, seed: 11, count: SETTINGS.resamples } },
      ],
      strata: [n],
      settings: SETTINGS,
    });
    const anchors = { units: Uint32Array.from([n, n + 1, n + 2]), scores: Float64Array.from([1, 2, 4]), truth: Float64Array.from([1.5, 2, 3.5]) };
    made.push({ recipes: [{ kind: "anchored-mean", units, values: truth, raters: 1, anchors }], strata: [n, 3], settings: SETTINGS });
  }
  return made;
}

describe("the scoring worker pool", () => {
  const pool = workerPool(2);
  afterAll(async () => {
    await pool?.close();
  });

  it("starts workers only when there are at least two to start", () => {
    expect(workerPool(1)).toBeNull();
    expect(pool).not.toBeNull();
  });

  it("gives every job's estimates and resampled values exactly as this thread does, in the order of the jobs", async () => {
    const all = jobs();
    const here = all.map(runJob);
    const there = await pool?.run(all);
    expect(there?.length).toBe(here.length);
    there?.forEach((output, j) => {
      expect(output.estimates).toEqual(here[j]?.estimates);
      output.draws.forEach((draws, s) => {
        expect(Buffer.from(draws.buffer, draws.byteOffset, draws.byteLength).equals(Buffer.from((here[j]?.draws[s] as Float64Array).buffer))).toBe(true);
      });
    });
  });
});

describe("the scoring worker pool's rank jobs", () => {
  const pool = workerPool(2);
  afterAll(async () => {
    await pool?.close();
  });

  it("rank every scope exactly as this thread does, however the scopes fall to the threads", async () => {
    const directions: Direction[] = ["higher", "lower", "higher"];
    const boards = [1, 2, 3, 4, 5].map((seed) => tiedBoard(seed, 20 + 15 * seed, 48));
    const here = boards.map((rows) => runRankJob(rankJob(rows, ["a_x", "b_y", "c_z"], directions, 0.95)));
    const there = await Promise.all(boards.map((rows) => pool?.rank(rankJob(rows, ["a_x", "b_y", "c_z"], directions, 0.95))));
    expect(there).toEqual(here);
  });
});
