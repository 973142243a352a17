import { describe, expect, it } from "vitest";
import { formatSigned, formatSignedRange, niceTicks } from "../../../../src/components/compare/compare-format.ts";

describe("niceTicks", () => {
  it("covers the range with round steps of 1, 2, 2.5 or 5 times a power of ten", () => {
    // By hand: (0.52 + 0.38) / 4 = 0.225, so steps of 0.25 from floor(−0.38 / 0.25) to ceil(0.52 / 0.25).
    expect(niceTicks(-0.38, 0.52)).toEqual({ domain: [-0.5, 0.75], ticks: [-0.5, -0.25, 0, 0.25, 0.5, 0.75] });
    expect(niceTicks(2.75, 3.52)).toEqual({ domain: [2.6, 3.6], ticks: [2.6, 2.8, 3, 3.2, 3.4, 3.6] });
    expect(niceTicks(0, 100)).toEqual({ domain: [0, 100], ticks: [0, 25, 50, 75, 100] });
  });

  it("prints ticks as round numbers, never 0.30000000000000004", () => {
    for (const tick of niceTicks(0.1, 0.9).ticks) expect(String(tick).length).toBeLessThanOrEqual(4);
  });

  it("widens a single value into a range around it", () => {
    const { domain } = niceTicks(3, 3);
    expect(domain[0]).toBeLessThan(3);
    expect(domain[1]).toBeGreaterThan(3);
  });
});

describe("formatSigned", () => {
  it("signs differences and intervals, and leaves a zero unsigned", () => {
    expect(formatSigned(0.1156, 3)).toBe("+0.116");
    expect(formatSigned(-0.0004, 3)).toBe("0.000");
    expect(formatSigned(-7, 0)).toBe("-7");
    expect(formatSignedRange(-0.0762, -0.0087, 4)).toBe("[-0.0762, -0.0087]");
  });
});
