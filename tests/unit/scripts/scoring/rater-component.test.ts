import { describe, expect, it } from "vitest";
import { effectiveRaters } from "../../../../scripts/scoring/rater-component.ts";

describe("effectiveRaters", () => {
  it("is k for k raters who each rate every video", () => {
    expect(effectiveRaters([[true, true, true]])).toBe(1);
    expect(effectiveRaters([[true, true], [true, true], [true, true]])).toBeCloseTo(3, 14);
  });

  it("counts a panel that split its videos by each rater's share of the mean (by hand)", () => {
    // Four videos: rater 0 alone on two, raters 0 and 1 on one, rater 2 alone on one.
    // Shares: rater 0 (1 + 1 + 1/2)/4 = 5/8, rater 1 (1/2)/4 = 1/8, rater 2 1/4; 1/Σ s² = 64/(25 + 1 + 4) = 32/15.
    const counted = [
      [true, true, true, false],
      [false, false, true, false],
      [false, false, false, true],
    ];
    expect(effectiveRaters(counted)).toBeCloseTo(32 / 15, 14);
  });

  it("is 0 when nobody rated anything", () => {
    expect(effectiveRaters([[false, false]])).toBe(0);
  });
});
