/**
 * Kendall by levels on weighted resamples, where the side with many values has a few ties (continuous
 * predictions that repeat now and then, counted pair by pair inside their groups) or many (counted by the
 * grouped method): the same coefficients as the resample written out item by item, to the last bit,
 * since every count is a whole number.
 */
import { describe, expect, it } from "vitest";
import { createRandom, denseRanks, kendall, kendallC, preparePair } from "../../../src/engine/index.ts";
import { kendallMethod } from "../../../src/engine/kendall.ts";

describe("Kendall by levels with ties on the side of many values", () => {
  // Predictions that now and then repeat an earlier one, or that take about n/16 values (groups of 16 or so).
  const cases = [
    ["a few ties", [9, 80, 700], 0.05],
    ["more ties", [9, 80, 700], 0.3],
    ["many ties", [96, 704], null],
  ] as const;
  for (const [label, sizes, tiedShare] of cases) {
    it(`equals the written-out resample (${label})`, () => {
      const random = createRandom(23);
      for (const n of sizes) {
        const levels = Array.from({ length: n }, () => 1 + random.nextInt(13) / 3);
        const many = Array.from({ length: n }, (_, i) => (tiedShare === null ? random.nextInt(Math.round(n / 16)) : i + random.nextFloat() / 2));
        if (tiedShare !== null) for (let i = 1; i < n; i++) if (random.nextFloat() < tiedShare) many[i] = many[i - 1 - random.nextInt(Math.min(i, 3))] as number;
        const shuffled = many.map((value) => ({ value, key: random.nextFloat() })).sort((a, b) => a.key - b.key).map((item) => item.value);
        for (const [x, y] of [[levels, shuffled], [shuffled, levels]] as const) {
          expect(kendallMethod(denseRanks(Float64Array.from(x)), denseRanks(Float64Array.from(y)))).toMatch(/^levels of/);
          const pair = preparePair(x, y);
          for (let trial = 0; trial < 3; trial++) {
            const weights = new Float64Array(n);
            random.addDraws(weights, n);
            const xs: number[] = [];
            const ys: number[] = [];
            x.forEach((value, i) => {
              for (let copy = 0; copy < (weights[i] as number); copy++) {
                xs.push(value);
                ys.push(y[i] as number);
              }
            });
            expect(pair.krcc(weights)).toBe(kendall(xs, ys));
            expect(pair.krccC(weights)).toBe(kendallC(xs, ys));
          }
        }
      }
    });
  }
});
