import { describe, expect, it } from "vitest";
import { createRandom, pairedDifference } from "../../../src/engine/index.ts";
import { sortAscending } from "../../../src/engine/paired-difference.ts";
import fixture from "../../fixtures/engine/paired-difference.json" with { type: "json" };

const draws = (values: (number | null)[]) => Float64Array.from(values, (v) => (v === null ? Number.NaN : v));

describe("pairedDifference", () => {
  it("matches NumPy's percentile interval of the paired differences (scripts/dev/golden/make_paired_difference_fixtures.py)", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(6);
    for (const c of fixture.cases) {
      const found = pairedDifference({ value: c.a.value, draws: draws(c.a.draws) }, { value: c.b.value, draws: draws(c.b.draws) }, c.confidence);
      expect(found, c.name).not.toBeNull();
      expect(found?.difference, c.name).toBeCloseTo(c.expected.difference, 12);
      expect(found?.low, c.name).toBeCloseTo(c.expected.low, 12);
      expect(found?.high, c.name).toBeCloseTo(c.expected.high, 12);
      expect(found?.separable, c.name).toBe(c.expected.separable);
      expect(found?.resamples, c.name).toBe(c.expected.resamples);
    }
  });

  it("separates a steady gap shared noise hides, and not the same gap under independent noise", () => {
    const verdicts = Object.fromEntries(fixture.cases.map((c) => [c.name, c.expected.separable]));
    expect(verdicts).toMatchObject({ "shared noise, small steady gap": true, "independent noise, same gap": false, "b ahead": true });
  });

  it("interpolates linearly between order statistics (by hand: differences 1, 2, 3, 4 at 50% give [1.75, 3.25])", () => {
    const found = pairedDifference({ value: 2.5, draws: draws([1, 2, 3, 4]) }, { value: 0, draws: draws([0, 0, 0, 0]) }, 0.5);
    expect(found).toEqual({ difference: 2.5, low: 1.75, high: 3.25, separable: true, resamples: 4, p: 0 });
  });

  it("does not separate figures whose difference is 0 on every resample", () => {
    const found = pairedDifference({ value: 3, draws: draws([3, 4, 5]) }, { value: 3, draws: draws([3, 4, 5]) }, 0.95);
    expect(found).toMatchObject({ low: 0, high: 0, separable: false });
  });

  it("leaves out resamples where either figure is undefined, and gives nothing when none is left", () => {
    expect(pairedDifference({ value: 1, draws: draws([1, null, 3]) }, { value: 0, draws: draws([0, 0, null]) }, 0.95)).toMatchObject({ low: 1, high: 1, resamples: 1 });
    expect(pairedDifference({ value: 1, draws: draws([null, 2]) }, { value: 0, draws: draws([0, null]) }, 0.95)).toBeNull();
  });

  it("refuses to pair figures evaluated on different numbers of resamples", () => {
    expect(() => pairedDifference({ value: 1, draws: draws([1, 2]) }, { value: 0, draws: draws([0, 0, 0]) }, 0.95)).toThrow(/pair/);
  });
});

describe("sortAscending", () => {
  it("leaves the same array as the native sort: whole numbers (counted) narrow and wide, negative, zero, fractions, -0", () => {
    const random = createRandom(7);
    const cases: number[][] = [
      [3, -2, 0, 3, 7, -2, 1],
      [0, 0, -1, 1],
      [5],
      [],
      [1e9, -1e9, 0, 3],
      [2.5, 1, -3],
      [0, -0, 1, -1, 0],
      Array.from({ length: 1000 }, () => Math.floor(random.nextFloat() * 61) - 30),
      Array.from({ length: 1000 }, () => Math.floor(random.nextFloat() * 60_000) - 30_000),
    ];
    for (const values of cases) {
      const expected = Float64Array.from(values).sort();
      const sorted = sortAscending(Float64Array.from(values));
      expect([...sorted].map((x) => (Object.is(x, -0) ? "-0" : x)), values.slice(0, 8).join(",")).toEqual([...expected].map((x) => (Object.is(x, -0) ? "-0" : x)));
    }
  });
});
