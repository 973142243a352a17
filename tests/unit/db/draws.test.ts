import { describe, expect, it } from "vitest";
import { decodeDraws, decodeDrawsSingle, encodeDraws, toStoredDraws } from "../../../db/draws.ts";

describe("draws codec", () => {
  it("stores values as little-endian IEEE 754 singles (by hand: 1 is 00 00 80 3f, -2.5 is 00 00 20 c0)", () => {
    expect([...encodeDraws(Float64Array.of(1, -2.5))]).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0]);
  });

  it("rounds a double to the nearest single (by hand: 0.1 is stored as 0x3dcccccd = 0.100000001490116...)", () => {
    expect([...encodeDraws(Float64Array.of(0.1))]).toEqual([0xcd, 0xcc, 0xcc, 0x3d]);
    expect(decodeDraws(encodeDraws(Float64Array.of(0.1)))[0]).toBe(0.10000000149011612);
  });

  it("reads back every rounded value, NaN included, from bytes at any offset of a larger buffer", () => {
    const values = Float64Array.of(0.125, -3.5e-12, Number.NaN, 1e30, -0, 0.7);
    const encoded = encodeDraws(values);
    const unaligned = new Uint8Array(encoded.length + 3);
    unaligned.set(encoded, 3);
    for (const bytes of [encoded, unaligned.subarray(3)]) {
      const decoded = decodeDraws(bytes);
      expect([...decoded]).toEqual([...toStoredDraws(values)]);
      expect(Object.is(decoded[4], -0)).toBe(true);
    }
  });

  it("gives the values a ranking from memory sees: rounding, storing and reading back agree bit for bit", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) / 3);
    const rounded = toStoredDraws(values);
    expect([...decodeDraws(encodeDraws(values))]).toEqual([...rounded]);
    expect([...toStoredDraws(rounded)]).toEqual([...rounded]);
    expect(rounded.some((v, i) => v !== values[i])).toBe(true);
  });

  it("reads stored values as singles, a view of aligned bytes and a copy of unaligned ones, equal to the doubles read", () => {
    const values = Float64Array.of(0.1, -0, Number.NaN, 3);
    const encoded = encodeDraws(values);
    const unaligned = new Uint8Array(encoded.length + 1);
    unaligned.set(encoded, 1);
    const view = decodeDrawsSingle(encoded);
    expect(view.buffer).toBe(encoded.buffer);
    for (const singles of [view, decodeDrawsSingle(unaligned.subarray(1))]) expect([...singles]).toEqual([...decodeDraws(encoded)]);
  });

  it("refuses bytes that are not a whole number of values", () => {
    expect(() => decodeDrawsSingle(new Uint8Array(6))).toThrow(/6 bytes/);
    expect(() => decodeDraws(new Uint8Array(6))).toThrow(/6 bytes/);
  });
});
