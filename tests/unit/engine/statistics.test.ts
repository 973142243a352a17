import { describe, expect, it } from "vitest";
import {
  correlationStatistic,
  estimateFrom,
  groupMeans,
  kendallC,
  meanStatistic,
  resampleStatistics,
  spearman,
  standardNormals,
  withPredictionError,
} from "../../../src/engine/index.ts";

describe("meanStatistic", () => {
  it("weights each item by its unit's draw count (by hand)", () => {
    // Items 10, 20 in unit 0 and 40 in unit 1; unit 0 drawn twice, unit 1 once: (2·10 + 2·20 + 40) / 5 = 20.
    const mean = meanStatistic(Uint32Array.from([0, 0, 1]), Float64Array.from([10, 20, 40]));
    expect(mean(Float64Array.from([2, 1]), 0)).toBe(20);
    expect(meanStatistic(Uint32Array.from([0]), Float64Array.from([1]), 100)(Float64Array.from([0]), 0)).toBeNull();
  });
});

describe("withPredictionError", () => {
  it("adds sd × the resample's normal draw, and nothing to the original data", () => {
    const normals = standardNormals(7, 3);
    const noisy = withPredictionError(() => 10, 2, normals);
    const weights = new Float64Array(1);
    expect(noisy(weights, -1)).toBe(10);
    expect(noisy(weights, 1)).toBe(10 + 2 * (normals[1] as number));
  });

  it("never gives a zero-width interval when its sd is positive", () => {
    const { estimates, draws } = resampleStatistics([withPredictionError(() => 3, 0.5, standardNormals(1, 400))], [1], { resamples: 400 });
    const estimate = estimateFrom(estimates[0] ?? null, draws[0] as Float64Array, 0.95);
    expect((estimate?.ciHigh as number) - (estimate?.ciLow as number)).toBeGreaterThan(1.5);
  });
});

describe("correlationStatistic", () => {
  const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
  const y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8];

  it("gives SciPy's value on the original data (kernels tested against SciPy in correlation.test.ts)", () => {
    const units = Uint32Array.from(x, (_, i) => i);
    expect(correlationStatistic("srcc", units, Float64Array.from(x), Float64Array.from(y))?.(new Float64Array(10).fill(1), -1)).toBe(spearman(x, y));
    expect(correlationStatistic("krcc_c", units, Float64Array.from(x), Float64Array.from(y))?.(new Float64Array(10).fill(1), -1)).toBe(kendallC(x, y));
  });

  it("gives each item its unit's weight: a resample equals the items written out", () => {
    // Items 0–4 in unit 0, items 5–9 in unit 1; unit 1 drawn twice, unit 0 not at all.
    const statistic = correlationStatistic("krcc_c", Uint32Array.from(x, (_, i) => (i < 5 ? 0 : 1)), Float64Array.from(x), Float64Array.from(y));
    const twice = (v: number[]) => [...v.slice(5), ...v.slice(5)];
    expect(statistic?.(Float64Array.from([0, 2]), 0)).toBeCloseTo(kendallC(twice(x), twice(y)) as number, 14);
  });

  it("is null with fewer than two items", () => {
    expect(correlationStatistic("srcc", Uint32Array.from([0]), Float64Array.from([1]), Float64Array.from([2]))).toBeNull();
  });
});

describe("groupMeans", () => {
  it("averages paired values per group, groups in order of first appearance (by hand)", () => {
    const means = groupMeans(["b", "a", "b"], [1, 10, 3], [4, 20, 8]);
    expect([...means]).toEqual([
      ["b", { x: 2, y: 6, n: 2 }],
      ["a", { x: 10, y: 20, n: 1 }],
    ]);
  });
});

describe("correlationStatistic with items as their own units", () => {
  it("gives the values of the same items listed under shuffled units, resample by resample", () => {
    const n = 200;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + i / 50);
    const y = Float64Array.from({ length: n }, (_, i) => Math.round(Math.cos(i / 3) * 3 + i / 40));
    // Item i is unit i, beside the same items listed so that item k is unit shift(k).
    const shift = (k: number) => (k * 37) % n;
    const at = new Uint32Array(n);
    for (let k = 0; k < n; k++) at[shift(k)] = k;
    const shuffled = (v: Float64Array) => Float64Array.from({ length: n }, (_, k) => v[shift(k)] as number);
    for (const metric of ["srcc", "plcc", "krcc", "krcc_c"] as const) {
      const own = correlationStatistic(metric, Uint32Array.from({ length: n }, (_, i) => i), x, y);
      const listed = correlationStatistic(metric, Uint32Array.from({ length: n }, (_, k) => shift(k)), shuffled(x), shuffled(y));
      // A second stratum (anchors) after the items: its weights must not reach the correlation.
      const a = resampleStatistics(own === null ? [] : [own], [n, 5], { resamples: 40, seed: 3 });
      const b = resampleStatistics(listed === null ? [] : [listed], [n, 5], { resamples: 40, seed: 3 });
      expect(a.estimates[0]).toBeCloseTo(b.estimates[0] as number, 12);
      a.draws[0]?.forEach((v, r) => expect(v).toBeCloseTo(b.draws[0]?.[r] as number, 12));
    }
  });
});
