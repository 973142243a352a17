import { describe, expect, it } from "vitest";
import { createRandom, pearson } from "../../../src/engine/index.ts";
import { weightedPearson } from "../../../src/engine/pearson.ts";

describe("weightedPearson", () => {
  it("is null where the items carrying weight hold one value, even if others vary", () => {
    const x = Float64Array.from([0.1, 0.1, 5, 0.1]);
    const y = Float64Array.from([1, 2, 3, 4]);
    expect(weightedPearson(x, y, Float64Array.from([1, 2, 0, 1]))).toBeNull();
    expect(weightedPearson(x, y, Float64Array.from([1, 2, 1, 1]))).not.toBeNull();
    expect(weightedPearson(y, x, Float64Array.from([3, 0, 0, 0]))).toBeNull();
  });

  it("is not null for a genuine but tiny spread around a large value", () => {
    // Deviations of 0, 1, 0, 2 times 2^-40 from 1, exactly representable: a perfect line against 1, 2, 1, 3.
    const x = Float64Array.from([1, 1 + 2 ** -40, 1, 1 + 2 ** -39]);
    expect(weightedPearson(x, Float64Array.from([1, 2, 1, 3]), null)).toBeCloseTo(1, 14);
  });

  it("gives an item of weight w the value of w copies, and an item of weight 0 none", () => {
    const random = createRandom(41);
    const x = Float64Array.from({ length: 700 }, () => random.nextFloat());
    const y = Float64Array.from(x, (v) => v + random.nextFloat());
    const weights = Float64Array.from({ length: 700 }, () => random.nextInt(3));
    const xs: number[] = [];
    const ys: number[] = [];
    weights.forEach((w, i) => {
      for (let c = 0; c < w; c++) {
        xs.push(x[i] as number);
        ys.push(y[i] as number);
      }
    });
    expect(weightedPearson(x, y, weights)).toBeCloseTo(pearson(xs, ys) as number, 13);
    const kept = weights.map((w) => Math.min(w, 1));
    expect(weightedPearson(x, y, kept)).toBeCloseTo(pearson(x.filter((_, i) => kept[i] === 1), y.filter((_, i) => kept[i] === 1)) as number, 14);
  });
});
