import { describe, expect, it } from "vitest";
import { formatSigned, formatSignedRange } from "../../../../src/components/compare/compare-format.ts";

describe("formatSigned", () => {
  it("signs differences and intervals, and leaves a zero unsigned", () => {
    expect(formatSigned(0.1156, 3)).toBe("+0.116");
    expect(formatSigned(-0.0004, 3)).toBe("0.000");
    expect(formatSigned(-7, 0)).toBe("-7");
    expect(formatSignedRange(-0.0762, -0.0087, 4)).toBe("[-0.0762, -0.0087]");
  });
});
