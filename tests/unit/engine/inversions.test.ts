import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/engine/index.ts";
import { FRESH_ARRAYS } from "../../../src/engine/arrays.ts";
import { inversionCounter } from "../../../src/engine/inversions.ts";

/** The weighted inversions by their definition: every pair i < j with keys[i] > keys[j] adds w_i · w_j. */
function bruteForce(keys: Uint32Array, weights: Float64Array | null, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j < length; j++) {
      if ((keys[i] as number) > (keys[j] as number)) count += (weights === null ? 1 : (weights[i] as number)) * (weights === null ? 1 : (weights[j] as number));
    }
  }
  return count;
}

describe("inversionCounter", () => {
  const random = createRandom(23);
  const sample = (length: number, range: number) => Uint32Array.from({ length }, () => random.nextInt(range));

  it("counts strict inversions of keys in one digit (small ranges), ties never counted", () => {
    for (const range of [1, 2, 7, 300, 4096]) {
      const keys = sample(500, range);
      expect(inversionCounter(range, 500, FRESH_ARRAYS)(keys, null, 500)).toBe(bruteForce(keys, null, 500));
    }
  });

  it("counts across both digits when the range needs two (high halves first, then within each part)", () => {
    for (const range of [4097, 20_000, 1 << 20]) {
      const keys = sample(1500, range);
      expect(inversionCounter(range, 1500, FRESH_ARRAYS)(keys, null, 1500)).toBe(bruteForce(keys, null, 1500));
    }
  });

  it("weights each pair by the product of its weights, and zero weights drop items", () => {
    for (const range of [50, 70_000]) {
      const keys = sample(800, range);
      const weights = Float64Array.from({ length: 800 }, () => random.nextInt(4));
      const count = inversionCounter(range, 800, FRESH_ARRAYS);
      expect(count(keys, weights, 800)).toBe(bruteForce(keys, weights, 800));
      // The same counter again, on a prefix: buffers are reused, results are not.
      expect(count(keys, weights, 300)).toBe(bruteForce(keys, weights, 300));
    }
  });

  it("finds none in sorted keys and all of them in reversed distinct keys", () => {
    const sorted = Uint32Array.from({ length: 6000 }, (_, i) => i);
    const count = inversionCounter(6000, 6000, FRESH_ARRAYS);
    expect(count(sorted, null, 6000)).toBe(0);
    expect(count(sorted.slice().reverse(), null, 6000)).toBe((6000 * 5999) / 2);
    expect(count(sorted, null, 0)).toBe(0);
  });
});
