import { describe, expect, it } from "vitest";
import { boardRowFacts } from "../../../src/lib/board-facts.ts";
import { row } from "../../support/board-view.ts";

describe("boardRowFacts", () => {
  const plain = row("a", "A", 1, 1);

  it("says nothing is marked on rows that carry no group, rank interval, ≈ mark, column rank or interval", () => {
    expect(boardRowFacts([row("a", "A", 1, undefined), row("b", "B", 2, undefined)])).toEqual({
      groups: [],
      rankIntervals: false,
      ties: false,
      columnRanks: false,
      intervals: false,
    });
  });

  it("lists each group once, sorted, and leaves rows without a group out", () => {
    const rows = [{ ...plain, group: "metric" }, { ...plain, group: null }, { ...plain, group: "MLLM" }, { ...plain, group: "metric" }];
    expect(boardRowFacts(rows).groups).toEqual(["MLLM", "metric"]);
  });

  it("finds a rank interval, a ≈ mark, a column rank and an interval on any one row", () => {
    expect(boardRowFacts([plain, { ...plain, rankBest: 1, rankWorst: 3 }]).rankIntervals).toBe(true);
    expect(boardRowFacts([plain, { ...plain, separableFromNext: false }]).ties).toBe(true);
    expect(boardRowFacts([plain, { ...plain, separableFromNext: true }]).ties).toBe(false);
    expect(boardRowFacts([row("a", "A", null, null), row("b", "B", null, 4)]).columnRanks).toBe(true);
    expect(boardRowFacts([row("a", "A", null, null)]).columnRanks).toBe(false);
    expect(boardRowFacts([plain, row("b", "B", 2, 2, { ci: true })]).intervals).toBe(true);
    expect(boardRowFacts([plain]).intervals).toBe(false);
  });
});
