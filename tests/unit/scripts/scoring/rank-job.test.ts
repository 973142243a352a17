/**
 * A board scope packed as a rank job and ranked from the packed values gives the engine's ranking of the scope's
 * entries, to the last bit: the same ranks, intervals, separability and resampled rank sums.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { encodeDraws } from "../../../../db/draws.ts";
import { emptyContent } from "../../../../scripts/store/store-content.ts";
import { writeStore } from "../../../../scripts/store/write-store.ts";
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
      const ranked = runRankJob(rankJob(rows, ["a_x", "b_y", "c_z"], DIRECTIONS, 0.95));
      expect(ranked).toEqual(expected);
      // Not a trivial board: someone is unranked, someone has an interval wider than a place.
      expect(ranked.some((entry) => entry.rank === null)).toBe(true);
      expect(ranked.some((entry) => entry.rankBest !== null && entry.rankWorst !== null && entry.rankWorst > entry.rankBest)).toBe(true);
    }
  });

  it("move the scope's values in a few buffers and its rank sums back in one", () => {
    const rows = tiedBoard(4, 40, 32);
    const job = rankJob(rows, ["a_x", "b_y", "c_z"], DIRECTIONS, 0.95);
    expect(rankJobTransfers(job)).toHaveLength(3 * DIRECTIONS.length);
    expect(rankedTransfers(runRankJob(job))).toHaveLength(1);
  });

  it("read the resampled values a job does not carry from the store, scope by scope, and rank as the engine does with all of them in memory", () => {
    const rows = tiedBoard(5, 40, 32);
    const keys = ["a_x", "b_y", "c_z"];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-rank-job-"));
    try {
      const store = path.join(dir, "store.sqlite");
      // Every entry's values stored but the first's (a submit's new entry, held in memory), and another scope's beside them.
      const stored = (dimension: string, scale: number) =>
        rows.slice(1).flatMap((row) =>
          keys.flatMap((columnKey, c) => {
            const draws = row.draws[c];
            return draws === null || draws === undefined ? [] : [{ benchmarkId: "x", board: "v2t-instance" as const, dimension, entryId: row.id, columnKey, values: encodeDraws(draws.map((v) => v * scale)) }];
          }),
        );
      writeStore({ ...emptyContent(), draws: [...stored("overall", 1), ...stored("other", -1)] }, store);
      const carried = rows.map((row, e) => (e === 0 ? row : { ...row, draws: row.draws.map(() => null) }));
      const job = rankJob(carried, keys, DIRECTIONS, 0.95, { file: store, benchmarkId: "x", board: "v2t-instance", dimension: "overall" });
      expect(runRankJob(job)).toEqual(rankWithUncertainty(rows, DIRECTIONS, 0.95));
      // Without the store the others have no resampled values: nobody gets an interval.
      expect(runRankJob(rankJob(carried, keys, DIRECTIONS, 0.95)).every((entry) => entry.rankBest === null)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
