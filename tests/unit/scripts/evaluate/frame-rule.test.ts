import { describe, expect, it } from "vitest";
import { evenFrames, roundHalfEven, segmentCentres } from "../../../../scripts/evaluate/frame-rule.ts";
import fixture from "../../../fixtures/evaluate/frame-rule.json" with { type: "json" };

describe("frame rules against NumPy (scripts/dev/golden/make_frame_rule_fixtures.py)", () => {
  it.each(fixture.cases.map((c) => [c.length, c.count, c] as const))("picks LOVE's segment centres of %i frames, %i of them, as the NumPy copy of LOVE's get_index", (length, count, c) => {
    expect(segmentCentres(length, count)).toEqual(c.segmentCentres);
  });

  it.each(fixture.cases.map((c) => [c.length, c.count, c] as const))("picks vLLM's evenly spaced frames of %i frames, %i of them, as np.linspace(dtype=int)", (length, count, c) => {
    expect(evenFrames(length, count)).toEqual(c.even);
  });

  it("rounds halves to the even neighbour, as np.round does (where Math.round would not)", () => {
    expect([0.5, 1.5, 2.5, -1.5, 3.4999, 3.5001].map(roundHalfEven)).toEqual([0, 2, 2, -2, 3, 4]);
  });

  it("refuses a video without frames", () => {
    expect(() => segmentCentres(0, 8)).toThrow(/at least one frame/);
  });
});
