import { describe, expect, it } from "vitest";
import { bootstrapBoard, type WeightedStatistic } from "../../../src/engine/index.ts";

const constant = (value: number): WeightedStatistic => () => value;
const units = { itemCount: 10, unitCount: 10 };

describe("bootstrapBoard", () => {
  it("gives point-rank intervals and separates every pair when no resample changes the values", () => {
    const { entries } = bootstrapBoard(
      [
        { id: "b", name: "B", columns: [constant(0.5)] },
        { id: "a", name: "A", columns: [constant(0.9)] },
        { id: "c", name: "C", columns: [constant(0.1)] },
      ],
      ["higher"],
      units,
      { resamples: 50, seed: 1 },
    );
    expect(entries).toEqual([
      { id: "a", rankBest: 1, rankWorst: 1, separableFromNext: true },
      { id: "b", rankBest: 2, rankWorst: 2, separableFromNext: true },
      { id: "c", rankBest: 3, rankWorst: 3, separableFromNext: null },
    ]);
  });

  it("never separates entries whose rank sums are always equal", () => {
    // Column ranks: x (1, 2) and y (2, 1): rank sum 3 for both on every resample.
    const { entries } = bootstrapBoard(
      [
        { id: "x", name: "X", columns: [constant(2), constant(1)] },
        { id: "y", name: "Y", columns: [constant(1), constant(2)] },
      ],
      ["higher", "higher"],
      units,
      { resamples: 20, seed: 3 },
    );
    expect(entries.map((e) => [e.id, e.rankBest, e.rankWorst, e.separableFromNext])).toEqual([
      ["x", 1, 1, false],
      ["y", 1, 1, null],
    ]);
  });

  it("leaves an entry with a missing column unranked and last", () => {
    const { entries } = bootstrapBoard(
      [
        { id: "partial", name: "A", columns: [constant(9), null] },
        { id: "full", name: "Z", columns: [constant(1), constant(1)] },
      ],
      ["higher", "higher"],
      units,
      { resamples: 10 },
    );
    expect(entries.map((e) => e.id)).toEqual(["full", "partial"]);
    expect(entries[1]).toEqual({ id: "partial", rankBest: null, rankWorst: null, separableFromNext: null });
    expect(entries[0]?.separableFromNext).toBeNull();
  });

  it("widens the rank interval of entries whose value depends on which items are drawn", () => {
    // Entry "noisy" is the mean of items 0..9 with values 0 or 1; "steady" sits at 0.5 always.
    const values = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
    const noisy: WeightedStatistic = (w) => {
      let sum = 0;
      let total = 0;
      w.forEach((weight, i) => {
        sum += weight * (values[i] as number);
        total += weight;
      });
      return sum / total;
    };
    const { entries } = bootstrapBoard(
      [
        { id: "steady", name: "Steady", columns: [constant(0.5)] },
        { id: "noisy", name: "Noisy", columns: [noisy] },
      ],
      ["higher"],
      units,
      { resamples: 400, seed: 7 },
    );
    for (const entry of entries) {
      expect(entry.rankBest).toBe(1);
      expect(entry.rankWorst).toBe(2);
    }
    expect(entries[0]?.separableFromNext).toBe(false);
  });

  it("is reproducible: the same seed gives the same intervals", () => {
    const make = () =>
      bootstrapBoard(
        [
          { id: "a", name: "A", columns: [(w) => (w[0] as number) + 0.5] },
          { id: "b", name: "B", columns: [(w) => (w[1] as number) + 0.4] },
        ],
        ["higher"],
        { itemCount: 3, unitCount: 3 },
        { resamples: 100, seed: 11 },
      );
    expect(make()).toEqual(make());
  });
});
