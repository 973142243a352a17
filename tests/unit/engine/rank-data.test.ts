import { describe, expect, it } from "vitest";
import { argsort, createRandom, denseRanks } from "../../../src/engine/index.ts";

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

describe("denseRanks", () => {
  /** Dense ranks, stable order, group starts and tied pairs by a comparator sort: trivially correct. */
  const reference = (values: number[]) => {
    const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
    const rank = new Array<number>(values.length);
    const starts: number[] = [];
    let tiedPairs = 0;
    order.forEach((i, k) => {
      if (k === 0 || values[i] !== values[order[k - 1] as number]) starts.push(k);
      rank[i] = starts.length - 1;
    });
    starts.push(values.length);
    for (let g = 0; g + 1 < starts.length; g++) {
      const size = (starts[g + 1] as number) - (starts[g] as number);
      tiedPairs += (size * (size - 1)) / 2;
    }
    return { rank, order, starts, tiedPairs, distinct: starts.length - 1 };
  };
  const check = (values: number[]) => {
    const ranks = denseRanks(Float64Array.from(values));
    const expected = reference(values);
    expect(Array.from(ranks.rank)).toEqual(expected.rank);
    expect(Array.from(ranks.order)).toEqual(expected.order);
    expect(Array.from(ranks.starts)).toEqual(expected.starts);
    expect(ranks.tiedPairs).toBe(expected.tiedPairs);
    expect(ranks.distinct).toBe(expected.distinct);
  };
  const random = createRandom(37);

  it("ranks many distinct values, with duplicates, negatives and both zeros, as a stable sort does", () => {
    const values = Array.from({ length: 6000 }, () => Math.round((random.nextFloat() - 0.5) * 1e6) / 100);
    values.push(-0, 0, -0, ...values.slice(0, 300));
    check(values);
  });

  it("ranks data on a few levels through the hash table", () => {
    check(Array.from({ length: 5000 }, () => 1 + random.nextInt(21) / 5));
  });

  it("settles long runs of one repeated value among many others without the full sort, and long runs of near values with it", () => {
    const spread = Array.from({ length: 3000 }, (_, k) => k + 0.5);
    // 500 copies of one value: a long run of equal high words that is a tie.
    check([...spread, ...Array.from({ length: 500 }, () => 7.25)].sort(() => random.nextFloat() - 0.5));
    // 500 values 2^-45 apart: a long run of equal high words whose low words differ.
    check([...spread, ...Array.from({ length: 500 }, (_, k) => 7 + k * 2 ** -45)].sort(() => random.nextFloat() - 0.5));
  });
});
