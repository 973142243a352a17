import { describe, expect, it } from "vitest";
import {
  bootstrap,
  bootstrapSettings,
  compareEntries,
  createRandom,
  DEFAULT_SEED,
  pairedBootstrap,
  percentileInterval,
  preparePair,
  quantileSorted,
  rankIntervals,
  type WeightedStatistic,
} from "../../../src/engine/index.ts";

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

describe("bootstrap", () => {
  it("uses B = 1,000, a recorded default seed and 95% unless told otherwise", () => {
    expect(bootstrapSettings()).toEqual({ resamples: 1000, seed: DEFAULT_SEED, confidence: 0.95 });
    expect(() => bootstrapSettings({ confidence: 1 })).toThrow(/confidence/);
    expect(() => bootstrapSettings({ resamples: 0 })).toThrow(/resamples/);
  });

  it("is reproducible for a seed and changes with the seed", () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const units = { itemCount: values.length, unitCount: values.length };
    const a = bootstrap(weightedMean(values), units, { seed: 1, resamples: 200 });
    expect(bootstrap(weightedMean(values), units, { seed: 1, resamples: 200 })).toEqual(a);
    expect(bootstrap(weightedMean(values), units, { seed: 2, resamples: 200 })).not.toEqual(a);
    expect(a.value).toBeCloseTo(52 / 12, 14);
    expect(a.ciLow as number).toBeLessThan(a.value as number);
    expect(a.ciHigh as number).toBeGreaterThan(a.value as number);
  });

  it("collapses to the point estimate when there is a single unit to draw", () => {
    const result = bootstrap(weightedMean([2, 4]), { itemCount: 2, unitCount: 1, unitOfItem: [0, 0] }, { resamples: 50 });
    expect(result).toEqual({ value: 3, ciLow: 3, ciHigh: 3, failed: 0 });
  });

  it("gives all items of a drawn unit the unit's multiplicity", () => {
    const unitOfItem = [0, 0, 1, 2, 2, 2];
    let checked = 0;
    bootstrap(
      (weights) => {
        expect(weights[0]).toBe(weights[1]);
        expect(weights[3]).toBe(weights[4]);
        expect(weights[4]).toBe(weights[5]);
        expect((weights[0] as number) + (weights[2] as number) + (weights[3] as number)).toBe(3);
        checked++;
        return 0;
      },
      { itemCount: 6, unitCount: 3, unitOfItem },
      { resamples: 30 },
    );
    expect(checked).toBe(31); // the original sample plus 30 resamples
  });

  it("counts resamples on which the statistic is undefined and leaves them out", () => {
    // Three units, mean of unit 0 only: undefined whenever unit 0 is not drawn (probability 8/27).
    const result = bootstrap(
      (w) => ((w[0] as number) > 0 ? 1 : null),
      { itemCount: 3, unitCount: 3 },
      { resamples: 500 },
    );
    expect(result.failed).toBeGreaterThan(100);
    expect(result.failed).toBeLessThan(200);
    expect(result.ciLow).toBe(1);
  });

  it("puts the SRCC of a strong monotone relation in a tight interval around the estimate", () => {
    const random = createRandom(9);
    const x = Array.from({ length: 300 }, () => random.nextFloat());
    const y = x.map((v) => v + 0.2 * random.nextFloat());
    const pair = preparePair(x, y);
    const result = bootstrap((w) => pair.srcc(w), { itemCount: 300, unitCount: 300 }, { resamples: 300 });
    expect(result.ciLow as number).toBeLessThan(result.value as number);
    expect(result.ciHigh as number).toBeGreaterThan(result.value as number);
    expect((result.ciHigh as number) - (result.ciLow as number)).toBeLessThan(0.05);
  });
});

describe("pairedBootstrap", () => {
  const a = [5, 6, 7, 8, 9, 10, 11, 12];

  it("separates entries whose per-item values differ consistently, even with spread items", () => {
    const b = a.map((v) => v - 0.5);
    const result = pairedBootstrap(weightedMean(a), weightedMean(b), { itemCount: 8, unitCount: 8 }, { resamples: 200 });
    // The difference is 0.5 on every item, so every resample gives exactly 0.5.
    expect(result.difference).toBeCloseTo(0.5, 14);
    expect(result.ciLow).toBeCloseTo(0.5, 14);
    expect(result.ciHigh).toBeCloseTo(0.5, 14);
    expect(result.separable).toBe(true);
  });

  it("does not separate entries whose differences straddle zero", () => {
    const b = a.map((v, i) => v + (i % 2 === 0 ? 1 : -1));
    const result = pairedBootstrap(weightedMean(a), weightedMean(b), { itemCount: 8, unitCount: 8 }, { resamples: 200 });
    expect(result.difference).toBeCloseTo(0, 14);
    expect(result.separable).toBe(false);
  });
});

describe("rankIntervals", () => {
  it("counts entries wholly above for the best rank and wholly below for the worst (by hand)", () => {
    // A [0.8, 0.9] is above C and D; B [0.7, 0.85] overlaps A, above D; C [0.6, 0.75] overlaps B;
    // D [0.1, 0.2] is below all.
    const cis = [
      { low: 0.8, high: 0.9 },
      { low: 0.7, high: 0.85 },
      { low: 0.6, high: 0.75 },
      { low: 0.1, high: 0.2 },
    ];
    expect(rankIntervals(cis)).toEqual([
      { best: 1, worst: 2 },
      { best: 1, worst: 3 },
      { best: 2, worst: 3 },
      { best: 4, worst: 4 },
    ]);
    expect(rankIntervals(cis, "lower")).toEqual([
      { best: 3, worst: 4 },
      { best: 2, worst: 4 },
      { best: 2, worst: 3 },
      { best: 1, worst: 1 },
    ]);
  });

  it("treats touching intervals as overlapping and skips entries without an interval", () => {
    expect(rankIntervals([{ low: 1, high: 2 }, null, { low: 2, high: 3 }])).toEqual([
      { best: 1, worst: 2 },
      null,
      { best: 1, worst: 2 },
    ]);
  });
});

describe("compareEntries", () => {
  it("orders entries by value, tests each against the next, and gives rank intervals", () => {
    const base = Array.from({ length: 40 }, (_, i) => (i * 7) % 13);
    const entries = [
      { id: "low", statistic: weightedMean(base.map((v) => v - 3)) },
      { id: "high", statistic: weightedMean(base.map((v) => v + 3)) },
      { id: "high-twin", statistic: weightedMean(base.map((v, i) => v + 3 + (i % 2 === 0 ? 0.01 : -0.01))) },
      { id: "none", statistic: () => null },
    ];
    const { entries: compared, settings } = compareEntries(entries, { itemCount: 40, unitCount: 40 }, { resamples: 300 });
    expect(settings.resamples).toBe(300);
    expect(compared.map((e) => e.id)).toEqual(["high", "high-twin", "low", "none"]);
    expect(compared[0]?.toNext?.separable).toBe(false);
    expect(compared[1]?.toNext?.separable).toBe(true);
    expect(compared[2]?.toNext).toBeNull();
    expect(compared[3]?.rankInterval).toBeNull();
    expect(compared[2]?.rankInterval).toEqual({ best: 3, worst: 3 });
  });
});
