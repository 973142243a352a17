import { describe, expect, it } from "vitest";
import { holmAdjusted, percentileTestP } from "../../../src/engine/index.ts";
import fixture from "../../fixtures/engine/multiplicity.json" with { type: "json" };

describe("holmAdjusted", () => {
  it("rejects exactly what Holm's step-down loop rejects, with the adjusted p-values of its definition (scripts/dev/golden/make_multiplicity_fixtures.py)", () => {
    expect(fixture.holm.length).toBeGreaterThanOrEqual(5);
    for (const c of fixture.holm) {
      const adjusted = holmAdjusted(c.p);
      adjusted.forEach((value, i) => expect(value, `${c.name} ${i}`).toBeCloseTo(c.adjusted[i] as number, 14));
      expect(adjusted.map((value) => value < c.alpha), c.name).toEqual(c.rejected);
    }
  });

  it("is stricter than testing each at 5%: 0.04 alone is rejected, among four it is not (by hand: 4 × 0.01 = 0.04, 3 × 0.03 = 0.09)", () => {
    expect(holmAdjusted([0.04])).toEqual([0.04]);
    expect(holmAdjusted([0.01, 0.04, 0.03, 0.005]).map((p) => p < 0.05)).toEqual([true, false, false, true]);
  });

  it("counts a test that could not be run (null) in the family as p = 1", () => {
    expect(holmAdjusted([0.02, null])).toEqual([0.04, 1]);
  });

  it("refuses a p-value outside [0, 1]", () => {
    expect(() => holmAdjusted([0.5, 1.5])).toThrow(/p-value 1 is 1.5/);
    expect(() => holmAdjusted([Number.NaN])).toThrow(/p-value 0/);
  });
});

describe("percentileTestP", () => {
  it("is the smallest α whose 1 − α percentile interval excludes 0, as NumPy's bisection finds it", () => {
    expect(fixture.pValues.length).toBeGreaterThanOrEqual(8);
    for (const c of fixture.pValues) {
      const sorted = Float64Array.from(c.differences).sort();
      expect(percentileTestP(sorted), c.name).toBeCloseTo(c.p, 9);
    }
  });
});
