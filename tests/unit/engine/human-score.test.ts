import { describe, expect, it } from "vitest";
import { computeMos, humanScores, raterMeans } from "../../../src/engine/index.ts";

describe("raterMeans", () => {
  it("is the plain mean of the ratings each item got, with their SD and count (by hand)", () => {
    const result = raterMeans([
      [1, 5, null],
      [3, 5, 2],
    ]);
    expect(result.scores).toEqual([2, 5, 2]);
    expect(result.sd[0]).toBeCloseTo(Math.SQRT2, 15);
    expect(result.sd[1]).toBe(0);
    expect(result.sd[2]).toBeNull();
    expect(result.count).toEqual([2, 2, 1]);
    expect(result.setAside).toEqual([]);
  });

  it("gives no score to an item nobody rated and refuses a non-finite rating", () => {
    expect(raterMeans([[null, 4]]).scores).toEqual([null, 4]);
    expect(() => raterMeans([[Number.NaN]])).toThrow(/rater 0 for item 0/);
  });
});

describe("humanScores", () => {
  const matrix = [
    [1, 2, 3, 4, 5],
    [2, 2, 4, 4, 5],
    [1, 3, 3, 5, 4],
  ];

  it("follows the protocol: rater-mean is the plain mean", () => {
    expect(humanScores("rater-mean", matrix).scores).toEqual([4 / 3, 7 / 3, 10 / 3, 13 / 3, 14 / 3]);
  });

  it("follows the protocol: bt500-zscore is computeMos (whose golden values are in mos.test.ts)", () => {
    expect(humanScores("bt500-zscore", matrix).scores).toEqual(computeMos(matrix).mos);
  });
});

describe("humanScores' per-rater contributions", () => {
  const matrix = [
    [1, 2, 3, 4, 5, 3],
    [2, 2, 4, 4, 5, null],
    [1, 3, 3, 5, 4, 2],
    [5, 1, 5, 1, 5, 1],
  ];

  it.each(["rater-mean", "bt500-zscore"] as const)("under %s, each item's score is the plain mean of its raters' contributions", (procedure) => {
    const result = humanScores(procedure, matrix);
    result.scores.forEach((score, i) => {
      const counted = result.contributions.map((row) => row[i]).filter((c): c is number => c !== null);
      expect(counted).toHaveLength(result.count[i] as number);
      expect(counted.reduce((a, b) => a + b, 0) / counted.length).toBeCloseTo(score as number, 12);
    });
  });

  it("are the raw ratings under rater-mean, with null where a rater did not rate", () => {
    expect(humanScores("rater-mean", matrix).contributions).toEqual(matrix);
  });
});
