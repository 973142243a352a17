import { describe, expect, it } from "vitest";
import { PART_BYTES, partCount, partList, partSpan } from "../../../src/lib/download-parts.ts";

describe("download parts", () => {
  it("keeps a download under the limit whole", () => {
    expect(partCount(PART_BYTES)).toBe(1);
    expect(partList(1)).toEqual([null]);
  });

  it("cuts one over the limit into as many parts as keep each under it", () => {
    expect(partCount(PART_BYTES + 1)).toBe(2);
    expect(partCount(23 * 1024 * 1024)).toBe(6);
    expect(partList(3)).toEqual([1, 2, 3]);
  });

  it("gives every record once, in order, across the parts (equal runs, the last shorter)", () => {
    const spans = [1, 2, 3].map((part) => partSpan(10, 3, part));
    expect(spans).toEqual([{ from: 0, to: 4 }, { from: 4, to: 8 }, { from: 8, to: 10 }]);
    expect(partSpan(10, 3, null)).toEqual({ from: 0, to: 10 });
  });

  it("leaves a last part empty, as slicing would, when the equal runs use every record before it", () => {
    // ceil(9 / 4) = 3: parts of 3, 3 and 3 records, and a fourth of none.
    expect([1, 2, 3, 4].map((part) => partSpan(9, 4, part))).toEqual([{ from: 0, to: 3 }, { from: 3, to: 6 }, { from: 6, to: 9 }, { from: 9, to: 9 }]);
  });
});
