import { describe, expect, it } from "vitest";
import { meanDifference, scoreMismatches, verificationSample } from "../../../src/engine/index.ts";
import fixture from "../../fixtures/engine/agreement-ceiling.json" with { type: "json" };

describe("verificationSample", () => {
  it("draws the same ids as an independent Python xoshiro128** partial Fisher–Yates (scripts/dev/golden/make_agreement_ceiling_fixtures.py)", () => {
    expect(fixture.samples.length).toBeGreaterThanOrEqual(4);
    for (const c of fixture.samples) expect(verificationSample(c.ids, c.size, c.seed), `${c.size} with seed ${c.seed}`).toEqual(c.expected);
  });

  it("does not depend on the order the ids are given in", () => {
    const ids = fixture.samples[1]?.ids ?? [];
    expect(verificationSample([...ids].reverse(), 10, 20240601)).toEqual(verificationSample(ids, 10, 20240601));
  });

  it("refuses a sample larger than the pool", () => {
    expect(() => verificationSample(["a", "b"], 3, 1)).toThrow(/a sample of 3 from 2 ids/);
  });
});

describe("scoreMismatches", () => {
  it("lists re-run scores outside the tolerance, missing ones and extra ones", () => {
    const submitted = new Map([["a", 0.5], ["b", 0.25], ["c", 1]]);
    const rerun = new Map([["a", 0.5005], ["b", 0.3], ["d", 2]]);
    expect(scoreMismatches(submitted, rerun, 0.001)).toEqual([
      { key: "b", submitted: 0.25, rerun: 0.3 },
      { key: "c", submitted: 1, rerun: null },
      { key: "d", submitted: null, rerun: 2 },
    ]);
    expect(scoreMismatches(new Map([["a", 0.5]]), new Map([["a", 0.5005]]), 0.001)).toEqual([]);
  });
});

describe("meanDifference", () => {
  it("matches the normal 95% interval computed with scipy.stats.norm", () => {
    for (const c of fixture.meanDifferences) {
      const found = meanDifference(c.differences);
      expect(found?.n, c.name).toBe(c.expected.n);
      expect(found?.mean, c.name).toBeCloseTo(c.expected.mean, 12);
      expect(found?.low, c.name).toBeCloseTo(c.expected.low, 12);
      expect(found?.high, c.name).toBeCloseTo(c.expected.high, 12);
      expect(found?.coversZero, c.name).toBe(c.expected.coversZero);
    }
    expect(fixture.meanDifferences.find((c) => c.name === "shifted")?.expected.coversZero).toBe(false);
  });
});
