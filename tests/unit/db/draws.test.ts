import { describe, expect, it } from "vitest";
import { decodeDraws, encodeDraws } from "../../../db/draws.ts";

describe("draws codec", () => {
  it("stores values as little-endian IEEE 754 doubles (by hand: 1 is 00 00 00 00 00 00 f0 3f)", () => {
    expect([...encodeDraws(Float64Array.of(1))]).toEqual([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
  });

  it("reads back every value, NaN included, from bytes at any offset of a larger buffer", () => {
    const values = Float64Array.of(0.125, -3.5e-12, Number.NaN, 1e300, -0);
    const encoded = encodeDraws(values);
    const unaligned = new Uint8Array(encoded.length + 3);
    unaligned.set(encoded, 3);
    for (const bytes of [encoded, unaligned.subarray(3)]) {
      const decoded = decodeDraws(bytes);
      expect([...decoded]).toEqual([...values]);
      expect(Object.is(decoded[4], -0)).toBe(true);
    }
  });
});
