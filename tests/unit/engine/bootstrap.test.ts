import { describe, expect, it } from "vitest";
import {
  bootstrapSettings,
  correlationStatistic,
  createRandom,
  DEFAULT_SEED,
  estimateFrom,
  percentileInterval,
  quantileSorted,
  resampleStatistics,
  type WeightedStatistic,
} from "../../../src/engine/index.ts";

/** The weighted mean of per-unit values (unit i carries value i). */
const weightedMean =
  (values: number[]): WeightedStatistic =>
  (weights) => {
    let sum = 0;
    let total = 0;
    values.forEach((v, i) => {
      sum += (weights[i] as number) * v;
      total += weights[i] as number;
    });
    return total > 0 ? sum / total : null;
  };

describe("percentile interval", () => {
  it("interpolates linearly between order statistics like numpy.percentile (by hand)", () => {
    // Sorted 10 20 30 40; q = 0.1 -> position 0.3 -> 13; q = 0.9 -> position 2.7 -> 37.
    expect(percentileInterval([40, 10, 30, 20], 0.8)).toEqual({ low: 13, high: 37 });
    // Sorted 1..5; q = 0.25 -> position 1 -> 2; q = 0.75 -> position 3 -> 4.
    expect(percentileInterval([5, 1, 4, 2, 3], 0.5)).toEqual({ low: 2, high: 4 });
  });

  it("skips undefined (NaN) resamples and gives null when none remain", () => {
    expect(percentileInterval([Number.NaN, 7, Number.NaN], 0.95)).toEqual({ low: 7, high: 7 });
    expect(percentileInterval([Number.NaN], 0.95)).toBeNull();
  });

  it("returns the extremes at q = 0 and q = 1", () => {
    expect(quantileSorted([1, 2, 9], 0)).toBe(1);
    expect(quantileSorted([1, 2, 9], 1)).toBe(9);
  });
});

/** One statistic's estimate: its value and the percentile interval of its resampled values. */
const one = (statistic: WeightedStatistic, strata: number[], options = {}) => {
  const { estimates, draws, settings } = resampleStatistics([statistic], strata, options);
  return estimateFrom(estimates[0] ?? null, draws[0] as Float64Array, settings.confidence);
};

describe("bootstrap", () => {
  it("uses B = 1,000, a recorded default seed and 95% unless told otherwise", () => {
    expect(bootstrapSettings()).toEqual({ resamples: 1000, seed: DEFAULT_SEED, confidence: 0.95 });
    expect(() => bootstrapSettings({ confidence: 1 })).toThrow(/confidence/);
    expect(() => bootstrapSettings({ resamples: 0 })).toThrow(/resamples/);
  });

  it("is reproducible for a seed and changes with the seed", () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const a = one(weightedMean(values), [values.length], { seed: 1, resamples: 200 });
    expect(one(weightedMean(values), [values.length], { seed: 1, resamples: 200 })).toEqual(a);
    expect(one(weightedMean(values), [values.length], { seed: 2, resamples: 200 })).not.toEqual(a);
    expect(a?.value).toBeCloseTo(52 / 12, 14);
    expect(a?.ciLow as number).toBeLessThan(a?.value as number);
    expect(a?.ciHigh as number).toBeGreaterThan(a?.value as number);
  });

  it("draws as many units as each stratum holds, independently per stratum", () => {
    let checked = 0;
    resampleStatistics(
      [
        (weights, resample) => {
          expect(weights).toHaveLength(7);
          if (resample < 0) expect([...weights]).toEqual([1, 1, 1, 1, 1, 1, 1]);
          const first = [...weights.subarray(0, 4)].reduce((a, b) => a + b, 0);
          const second = [...weights.subarray(4)].reduce((a, b) => a + b, 0);
          expect([first, second]).toEqual([4, 3]);
          checked++;
          return 0;
        },
      ],
      [4, 3],
      { resamples: 30 },
    );
    expect(checked).toBe(31); // the original sample plus 30 resamples
  });

  it("draws the first stratum alike whether or not other strata follow it", () => {
    const seen = (strata: number[]) => {
      const draws: number[][] = [];
      resampleStatistics([(w, b) => (b >= 0 && draws.push([...w.subarray(0, 5)]), 0)], strata, { resamples: 20, seed: 3 });
      return draws;
    };
    expect(seen([5, 60])).toEqual(seen([5]));
  });

  it("counts resamples on which the statistic is undefined and leaves them out", () => {
    // Three units, defined only when unit 0 is drawn: undefined with probability 8/27.
    const result = one((w) => ((w[0] as number) > 0 ? (w[0] as number) : null), [3], { resamples: 500 });
    expect(result?.failed).toBeGreaterThan(100);
    expect(result?.failed).toBeLessThan(200);
    expect(result?.ciLow).toBe(1);
  });

  it("gives no interval, and says so, when the resamples have zero spread", () => {
    const flat = one(weightedMean([2, 2, 2, 2]), [4], { resamples: 50 });
    expect(flat).toMatchObject({ value: 2, ciLow: null, ciHigh: null, constant: true });
    // A perfect order of four points stays perfect on every resample: its interval would be [1, 1].
    const perfect = correlationStatistic("srcc", Uint32Array.from([0, 1, 2, 3]), Float64Array.from([1, 2, 3, 4]), Float64Array.from([2, 4, 6, 9]));
    const estimate = one(perfect as WeightedStatistic, [4], { resamples: 200 });
    expect(estimate?.value).toBeCloseTo(1, 14);
    expect(estimate).toMatchObject({ ciLow: null, ciHigh: null, constant: true });
  });

  it("keeps an interval whose ends differ", () => {
    expect(estimateFrom(1, Float64Array.from([0, 1, 2, 3, 4]), 0.5)).toEqual({ value: 1, ciLow: 1, ciHigh: 3, failed: 0, constant: false });
  });

  it("puts the SRCC of a strong monotone relation in a tight interval around the estimate", () => {
    const random = createRandom(9);
    const x = Array.from({ length: 300 }, () => random.nextFloat());
    const y = x.map((v) => v + 0.2 * random.nextFloat());
    const srcc = correlationStatistic("srcc", Uint32Array.from(x, (_, i) => i), Float64Array.from(x), Float64Array.from(y)) as WeightedStatistic;
    const result = one(srcc, [300], { resamples: 300 });
    expect(result?.ciLow as number).toBeLessThan(result?.value as number);
    expect(result?.ciHigh as number).toBeGreaterThan(result?.value as number);
    expect((result?.ciHigh as number) - (result?.ciLow as number)).toBeLessThan(0.05);
  });
});
