/**
 * A board scope packed as a rank job and ranked from the packed values gives the engine's ranking of the scope's
 * entries, to the last bit: the same ranks, intervals, separability and resampled rank sums.
 */
import { describe, expect, it } from "vitest";
import { rankWithUncertainty, type Direction } from "../../../../src/engine/index.ts";
import { rankJob, rankJobTransfers, rankedTransfers, runRankJob } from "../../../../scripts/scoring/rank-job.ts";
import { tiedBoard } from "../../../support/tied-board.ts";

const DIRECTIONS: Direction[] = ["higher", "lower", "higher"];

describe("rank jobs", () => {
  it("rank a packed scope exactly as the engine ranks its entries (ties, missing values and missing resamples included)", () => {
    for (const [seed, n] of [
      [1, 5],
      [2, 33],
      [3, 120],
    ] as const) {
      const rows = tiedBoard(seed, n, 64);
      const expected = rankWithUncertainty(rows, DIRECTIONS, 0.95);
      const ranked = runRankJob(rankJob(rows, DIRECTIONS, 0.95));
      expect(ranked).toEqual(expected);
      // Not a trivial board: someone is unranked, someone has an interval wider than a place.
      expect(ranked.some((entry) => entry.rank === null)).toBe(true);
      expect(ranked.some((entry) => entry.rankBest !== null && entry.rankWorst !== null && entry.rankWorst > entry.rankBest)).toBe(true);
    }
  });

  it("move the scope's values in a few buffers and its rank sums back in one", () => {
    const rows = tiedBoard(4, 40, 32);
    const job = rankJob(rows, DIRECTIONS, 0.95);
    expect(rankJobTransfers(job)).toHaveLength(3 * DIRECTIONS.length);
    expect(rankedTransfers(runRankJob(job))).toHaveLength(1);
  });
});
