import { describe, expect, it } from "vitest";
import { argsort, createRandom } from "../../../src/engine/index.ts";

describe("argsort", () => {
  it("orders negatives, zeros, tiny and huge magnitudes numerically", () => {
    const values = [3, -0, 0, -1e-300, 1e300, Number.MIN_VALUE, -Number.MAX_VALUE, 2];
    expect(Array.from(argsort(values))).toEqual([6, 3, 1, 2, 5, 7, 0, 4]);
  });

  it("is stable: equal values keep their input order, and -0 equals +0", () => {
    expect(Array.from(argsort([1, 0, 1, -0, 1, 0]))).toEqual([1, 3, 5, 0, 2, 4]);
  });

  it("sorts large random inputs exactly like a comparison sort", () => {
    const random = createRandom(3);
    const values = Array.from({ length: 5000 }, () => (random.nextFloat() - 0.5) * 10 ** random.nextInt(20));
    const expected = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
    expect(Array.from(argsort(values))).toEqual(expected);
  });

  it("returns an empty order for empty input", () => {
    expect(argsort([]).length).toBe(0);
  });
});

describe("argsort on values that share their high 32 bits", () => {
  // Reference: a stable comparator sort, trivially correct (and slow).
  const reference = (values: number[]) =>
    values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const shuffled = (count: number, seed: number) => {
    const random = createRandom(seed);
    const k = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = random.nextInt(i + 1);
      [k[i], k[j]] = [k[j] as number, k[i] as number];
    }
    return k;
  };

  it("orders short runs of equal high words by their low words, stably", () => {
    // Groups of 5 values 2^-40 apart share a high word; duplicates and negatives are mixed in.
    const values = shuffled(400, 3).map((k) => (k % 2 === 0 ? 1 : -1) * (Math.floor(k / 5) + (k % 5) * 2 ** -40));
    values.push(...values.slice(0, 50));
    expect(Array.from(argsort(values))).toEqual(reference(values));
  });

  it("falls back to the full sort when a run of equal high words is long", () => {
    // 500 values 2^-50 apart: all share one high word.
    const values = shuffled(500, 5).map((k) => 1 + k * 2 ** -50);
    expect(Array.from(argsort(values))).toEqual(reference(values));
  });
});
