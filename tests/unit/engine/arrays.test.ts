import { describe, expect, it } from "vitest";
import { arrayPool, FRESH_ARRAYS } from "../../../src/engine/arrays.ts";

describe("array sources", () => {
  it("hand out fresh, zeroed arrays for data kept between calls", () => {
    const a = FRESH_ARRAYS.uint32(4);
    const b = FRESH_ARRAYS.uint32(4);
    expect(a).not.toBe(b);
    expect(Array.from(FRESH_ARRAYS.float64(3))).toEqual([0, 0, 0]);
  });

  it("reuse the k-th buffer of each type after a reset, growing it when a call needs more", () => {
    const pool = arrayPool();
    const first = pool.uint32(8);
    const second = pool.uint32(8);
    const float = pool.float64(2);
    first[0] = 7;
    pool.reset();
    const again = pool.uint32(4);
    expect(again.buffer).toBe(first.buffer);
    expect(again[0]).toBe(7);
    expect(pool.uint32(8).buffer).toBe(second.buffer);
    expect(pool.float64(2).buffer).toBe(float.buffer);
    pool.reset();
    const grown = pool.uint32(100);
    expect(grown.length).toBe(100);
    expect(grown.buffer).not.toBe(first.buffer);
  });
});
