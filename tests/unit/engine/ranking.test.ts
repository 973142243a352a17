import { describe, expect, it } from "vitest";
import { compareNames, competitionRanks, rankBoard } from "../../../src/engine/index.ts";

describe("competitionRanks", () => {
  it("gives tied values the best rank of their group and skips the shared places", () => {
    expect(competitionRanks([0.9, 0.8, 0.8, 0.7])).toEqual([1, 2, 2, 4]);
  });

  it("ranks higher values first by default and lower values first when asked", () => {
    expect(competitionRanks([1, 3, 2])).toEqual([3, 1, 2]);
    expect(competitionRanks([1, 3, 2], "lower")).toEqual([1, 3, 2]);
  });

  it("uses full precision, so values that only look equal when rounded are not tied", () => {
    expect(competitionRanks([0.50001, 0.5, 0.5])).toEqual([1, 2, 2]);
  });

  it("leaves missing values unranked without taking a place", () => {
    expect(competitionRanks([null, 2, 1, null])).toEqual([null, 1, 2, null]);
  });

  it("returns an empty list for an empty column and rank 1 for a single entry", () => {
    expect(competitionRanks([])).toEqual([]);
    expect(competitionRanks([42])).toEqual([1]);
  });

  it("rejects NaN and infinities, naming the index", () => {
    expect(() => competitionRanks([1, Number.NaN])).toThrow(/index 1/);
    expect(() => competitionRanks([Number.POSITIVE_INFINITY])).toThrow(/index 0/);
  });

  it("ties everything when all values are equal", () => {
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1]);
  });
});

describe("rankBoard", () => {
  const higher = ["higher", "higher"] as const;

  it("ranks by the competition rank of the column-rank sum, lower sum first", () => {
    // Column ranks: A (1, 3) = 4, B (2, 1) = 3, C (3, 2) = 5.
    const board = rankBoard(
      [
        { id: "a", name: "A", values: [0.9, 0.1] },
        { id: "b", name: "B", values: [0.8, 0.9] },
        { id: "c", name: "C", values: [0.7, 0.5] },
      ],
      higher,
    );
    expect(board.map((row) => [row.id, row.rankSum, row.rank, row.position])).toEqual([
      ["b", 3, 1, 1],
      ["a", 4, 2, 2],
      ["c", 5, 3, 3],
    ]);
    expect(board.find((row) => row.id === "a")?.columnRanks).toEqual([1, 3]);
  });

  it("gives equal rank sums the same overall rank and skips the shared places", () => {
    // Rank sums: x (1+2)=3, y (2+1)=3, z (3+3)=6.
    const board = rankBoard(
      [
        { id: "z", name: "Zeta", values: [1, 1] },
        { id: "y", name: "Ypsilon", values: [2, 3] },
        { id: "x", name: "Xi", values: [3, 2] },
      ],
      higher,
    );
    expect(board.map((row) => [row.name, row.rank])).toEqual([
      ["Xi", 1],
      ["Ypsilon", 1],
      ["Zeta", 3],
    ]);
  });

  it("orders a tie by name case-insensitively whatever the input order", () => {
    const rows = [
      { id: "3", name: "beta", values: [1] },
      { id: "1", name: "Alpha", values: [1] },
      { id: "2", name: "alpha", values: [1] },
    ];
    const forward = rankBoard(rows, ["higher"]).map((row) => row.id);
    const backward = rankBoard([...rows].reverse(), ["higher"]).map((row) => row.id);
    expect(forward).toEqual(["1", "2", "3"]);
    expect(backward).toEqual(forward);
  });

  it("lists an entry with a missing value after the ranked ones, without an overall rank", () => {
    const board = rankBoard(
      [
        { id: "partial", name: "Aardvark", values: [0.99, null] },
        { id: "full", name: "Zebra", values: [0.1, 0.1] },
      ],
      higher,
    );
    expect(board.map((row) => [row.id, row.rank, row.rankSum, row.position])).toEqual([
      ["full", 1, 3, 1],
      ["partial", null, null, 2],
    ]);
    expect(board[1]?.columnRanks).toEqual([1, null]);
  });

  it("returns an empty board for no entries and rank 1 for a single entry", () => {
    expect(rankBoard([], higher)).toEqual([]);
    const single = rankBoard([{ id: "only", name: "Only", values: [0.2, 0.3] }], higher);
    expect(single).toEqual([
      { id: "only", name: "Only", columnRanks: [1, 1], rankSum: 2, rank: 1, position: 1 },
    ]);
  });

  it("respects lower-is-better columns", () => {
    const board = rankBoard(
      [
        { id: "a", name: "A", values: [0.1] },
        { id: "b", name: "B", values: [0.2] },
      ],
      ["lower"],
    );
    expect(board.map((row) => row.id)).toEqual(["a", "b"]);
  });

  it("rejects a row whose value count does not match the columns", () => {
    expect(() => rankBoard([{ id: "a", name: "A", values: [1] }], higher)).toThrow(/entry "a"/);
  });
});

describe("compareNames", () => {
  it("is locale-independent code-point order after lower-casing", () => {
    expect(compareNames({ name: "Zed", id: "1" }, { name: "ämber", id: "2" })).toBeLessThan(0);
    expect(compareNames({ name: "b", id: "1" }, { name: "B", id: "2" })).toBeGreaterThan(0);
  });
});
