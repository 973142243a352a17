import { describe, expect, it } from "vitest";
import { predictedByTwoSmallest } from "../../../../scripts/dev/bench/growth.ts";

describe("predictedByTwoSmallest", () => {
  it("extends the line through the two smallest sizes to the largest (by hand: 10 + 10/900 × 9,900 = 120)", () => {
    const measured = [
      { size: 100, value: 10 },
      { size: 1000, value: 20 },
      { size: 10_000, value: 999 },
    ];
    expect(predictedByTwoSmallest(measured)).toBeCloseTo(120, 12);
  });

  it("reads the sizes in any order and ignores sizes between the second and the largest", () => {
    const measured = [
      { size: 400, value: 7 },
      { size: 100, value: 1 },
      { size: 250, value: 55 },
      { size: 200, value: 3 },
    ];
    // Through (100, 1) and (200, 3): slope 0.02, so 1 + 0.02 × 300 = 7 at 400.
    expect(predictedByTwoSmallest(measured)).toBeCloseTo(7, 12);
  });

  it("refuses fewer than three sizes, or repeated ones", () => {
    expect(() => predictedByTwoSmallest([{ size: 1, value: 1 }, { size: 2, value: 2 }])).toThrow(/three sizes/);
    expect(() => predictedByTwoSmallest([{ size: 1, value: 1 }, { size: 1, value: 2 }, { size: 3, value: 3 }])).toThrow(/distinct sizes/);
  });
});
