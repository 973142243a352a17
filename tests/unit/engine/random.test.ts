import { describe, expect, it } from "vitest";
import { createRandom, derivedSeed, standardNormals } from "../../../src/engine/index.ts";

describe("createRandom", () => {
  it("reproduces the xoshiro128** stream of an independent Python implementation", () => {
    // Python reference: SplitMix32 seeding then xoshiro128** (see the comment in random.ts).
    const one = createRandom(1);
    expect([1, 2, 3, 4, 5].map(() => one.nextUint32())).toEqual([
      2442144158, 3238099751, 3819917871, 2104621829, 2021136066,
    ]);
    const other = createRandom(20240601);
    expect([1, 2, 3].map(() => other.nextUint32())).toEqual([1682434128, 2614547273, 2387850999]);
  });

  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 10 }, () => r.nextInt(1000));
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
  });

  it("draws integers within the bound and floats within [0, 1)", () => {
    const r = createRandom(5);
    const seen = new Set<number>();
    for (let k = 0; k < 2000; k++) {
      const v = r.nextInt(7);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(7);
      seen.add(v);
      const f = r.nextFloat();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
    expect(seen.size).toBe(7);
  });

  it("rejects a non-integer seed and an impossible bound", () => {
    expect(() => createRandom(1.5)).toThrow(/seed/);
    expect(() => createRandom(1).nextInt(0)).toThrow(/bound/);
  });
});

describe("standardNormals and derivedSeed", () => {
  it("draws reproducible standard normals (mean 0, SD 1 within sampling error)", () => {
    const draws = standardNormals(11, 20000);
    expect(standardNormals(11, 20000)).toEqual(draws);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(standardNormals(11, 3)).toHaveLength(3);
  });

  it("derives distinct, stable seeds from a base seed and a text", () => {
    expect(derivedSeed(1, "fetv/a")).toBe(derivedSeed(1, "fetv/a"));
    expect(derivedSeed(1, "fetv/a")).not.toBe(derivedSeed(1, "fetv/b"));
    expect(derivedSeed(1, "fetv/a")).not.toBe(derivedSeed(2, "fetv/a"));
    expect(Number.isInteger(derivedSeed(5, "x"))).toBe(true);
  });
});

describe("bounded draws", () => {
  // The reference: the rejection rule with JavaScript's % on the raw 32-bit stream, as the draws were first defined.
  const reference = (seed: number, bound: number, count: number) => {
    const raw = createRandom(seed);
    const limit = 0x100000000 - (0x100000000 % bound);
    return Array.from({ length: count }, () => {
      let value = raw.nextUint32();
      while (value >= limit) value = raw.nextUint32();
      return value % bound;
    });
  };
  const bounds = [1, 2, 3, 7, 1000, 58_500, 1_000_003, 2 ** 31 + 11, 0xfffffffe, 0xffffffff, 2 ** 32];

  it("nextInt gives exactly the residues of the rejection rule, for small and huge bounds", () => {
    for (const bound of bounds) {
      const random = createRandom(bound % 97);
      expect(Array.from({ length: 300 }, () => random.nextInt(bound))).toEqual(reference(bound % 97, bound, 300));
    }
  });

  it("addDraws counts the same draws as nextInt, so bootstrap resamples are unchanged", () => {
    for (const bound of [1, 3, 58_500]) {
      const counts = new Float64Array(bound);
      createRandom(9).addDraws(counts, 5000);
      const expected = new Float64Array(bound);
      for (const k of reference(9, bound, 5000)) expected[k]! += 1;
      expect(counts).toEqual(expected);
    }
  });
});
