import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/engine/index.ts";
import { FRESH_ARRAYS } from "../../../src/engine/arrays.ts";
import { FEW_VALUES, fewValueRanks } from "../../../src/engine/few-values.ts";

/** Dense ranks by a comparator sort of the distinct values: the obvious way. */
function referenceRanks(values: number[]): number[] {
  const distinct = [...new Set(values.map((v) => v + 0))].sort((a, b) => a - b);
  return values.map((v) => distinct.indexOf(v + 0));
}

describe("fewValueRanks", () => {
  it("ranks data on a few levels, with the order, group starts and tied pairs that go with them", () => {
    const values = [3, 1.2, -0, 1.2, 0, 5, -2.5, 3, 3, 1.2];
    const ranks = fewValueRanks(Float64Array.from(values), new Uint32Array(values.length), FRESH_ARRAYS);
    expect(ranks).not.toBeNull();
    expect(Array.from(ranks?.rank ?? [])).toEqual(referenceRanks(values));
    expect(ranks?.distinct).toBe(5);
    // Stable: equal values in input order; −0 and +0 are one value.
    expect(Array.from(ranks?.order ?? [])).toEqual([6, 2, 4, 1, 3, 9, 0, 7, 8, 5]);
    expect(Array.from(ranks?.starts ?? [])).toEqual([0, 1, 3, 6, 9, 10]);
    // Pairs: zeros 1, 1.2 three times 3, 3 three times 3.
    expect(ranks?.tiedPairs).toBe(7);
  });

  it(`takes up to ${FEW_VALUES} distinct values and leaves more to the sort`, () => {
    const random = createRandom(31);
    const levels = Array.from({ length: FEW_VALUES + 1 }, (_, k) => k / 7 - 100);
    const at = (count: number) => Float64Array.from({ length: 20_000 }, (_, i) => levels[i < count ? i : random.nextInt(count)] as number);
    const fits = at(FEW_VALUES);
    const ranks = fewValueRanks(fits, new Uint32Array(fits.length), FRESH_ARRAYS);
    expect(ranks?.distinct).toBe(FEW_VALUES);
    expect(Array.from(ranks?.rank ?? [])).toEqual(referenceRanks(Array.from(fits)));
    const tooMany = at(FEW_VALUES + 1);
    expect(fewValueRanks(tooMany, new Uint32Array(tooMany.length), FRESH_ARRAYS)).toBeNull();
  });

  it("tells apart values whose bit patterns differ only in the last bit (no hash shortcut)", () => {
    const base = 0.1;
    const next = base + Number.EPSILON / 8;
    expect(next).not.toBe(base);
    const values = Float64Array.from([next, base, next, base, -base]);
    expect(Array.from(fewValueRanks(values, new Uint32Array(5), FRESH_ARRAYS)?.rank ?? [])).toEqual([2, 1, 2, 1, 0]);
  });

  it("gives empty ranks for no values", () => {
    expect(fewValueRanks(new Float64Array(0), new Uint32Array(0), FRESH_ARRAYS)?.distinct).toBe(0);
  });
});
