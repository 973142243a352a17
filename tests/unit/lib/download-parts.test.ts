import { describe, expect, it } from "vitest";
import { PART_BYTES, partCount, partList, partRecords } from "../../../src/lib/download-parts.ts";

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
    const records = Array.from({ length: 10 }, (_, i) => i);
    const parts = [1, 2, 3].map((part) => partRecords(records, 3, part));
    expect(parts).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(partRecords(records, 3, null)).toBe(records);
  });
});
