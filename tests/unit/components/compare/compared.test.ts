import { describe, expect, it } from "vitest";
import { comparedEntries, comparedPairs } from "../../../../src/components/compare/compared.ts";
import type { CompareEntry, ComparePair } from "../../../../src/lib/shared/compare.ts";

const entry = (id: string): CompareEntry => ({ id, name: id.toUpperCase(), href: `/x/${id}/`, group: "Open", isReference: false, provenance: "computed", trainedOnBenchmark: false });
const ENTRIES = [entry("first"), entry("second"), entry("third")];
// Stored in data order (a before b): first − second = +0.2 [0.1, 0.3], first ahead; second − third not separable.
const PAIRS: ComparePair[] = [
  { a: 0, b: 1, rankSum: [-2, -3, -1, "a"], columns: [[0.2, 0.1, 0.3, "a"]] },
  { a: 1, b: 2, rankSum: null, columns: [[0.05, -0.02, 0.1, null]] },
];

describe("comparedEntries", () => {
  it("keys the chosen entries A, B, … in the order chosen, skipping unknown ids", () => {
    const compared = comparedEntries(ENTRIES, ["third", "nope", "first"]);
    expect(compared.map((c) => [c.entry.id, c.index, c.series.letter])).toEqual([["third", 2, "A"], ["first", 0, "B"]]);
  });
});

describe("comparedPairs", () => {
  it("reads a pair in letter order, flipping the stored difference and its interval when the letters run against the data", () => {
    const [pair] = comparedPairs(comparedEntries(ENTRIES, ["second", "first"]), PAIRS);
    expect([pair?.first.entry.id, pair?.second.entry.id]).toEqual(["second", "first"]);
    // Shown as A (second) − B (first): −0.2 [−0.3, −0.1], and B is ahead.
    expect(pair?.orient(pair.pair.columns[0])).toEqual({ difference: -0.2, low: -0.3, high: -0.1, ahead: "B" });
    expect(pair?.orient(pair.pair.rankSum)).toEqual({ difference: 2, low: 1, high: 3, ahead: "B" });
  });

  it("keeps the stored orientation when the letters follow the data, and names nobody when not separable", () => {
    const pairs = comparedPairs(comparedEntries(ENTRIES, ["first", "second", "third"]), PAIRS);
    expect(pairs.map((p) => `${p.first.series.letter} vs ${p.second.series.letter}`)).toEqual(["A vs B", "B vs C"]);
    expect(pairs[0]?.orient(pairs[0].pair.columns[0])).toEqual({ difference: 0.2, low: 0.1, high: 0.3, ahead: "A" });
    expect(pairs[1]?.orient(pairs[1].pair.columns[0])).toMatchObject({ ahead: null });
    expect(pairs[1]?.orient(pairs[1].pair.rankSum)).toBeNull();
  });
});
