import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/engine/index.ts";
import { fenwickAdd, fenwickLevels, fenwickPrefix } from "../../../src/engine/fenwick.ts";

describe("Fenwick tree", () => {
  it("gives the prefix sums of what was added, at every index and size", () => {
    const random = createRandom(29);
    for (let levels = 0; levels <= 7; levels++) {
      const size = 1 << levels;
      const tree = new Float64Array(size + 1);
      const plain = new Float64Array(size + 1);
      for (let k = 0; k < 3 * size; k++) {
        const i = 1 + random.nextInt(size);
        const w = random.nextInt(5);
        fenwickAdd(tree, i, w, levels);
        plain[i]! += w;
      }
      let running = 0;
      expect(fenwickPrefix(tree, 0, levels)).toBe(0);
      for (let i = 1; i <= size; i++) {
        running += plain[i] as number;
        expect(fenwickPrefix(tree, i, levels)).toBe(running);
      }
      expect(tree[0]).toBe(0);
    }
  });

  it("sizes a tree to the next power of two", () => {
    expect([1, 2, 3, 4, 5, 21, 4096, 4097].map(fenwickLevels)).toEqual([0, 1, 2, 2, 3, 5, 12, 13]);
  });
});
