/** The one interval writer of pages and islands (by hand). */
import { describe, expect, it } from "vitest";
import { chartNumber } from "../../../../src/lib/charts/axis.ts";
import { formatInterval } from "../../../../src/lib/format.ts";
import { formatRankInterval, intervalText } from "../../../../src/lib/shared/intervals.ts";

describe("intervalText", () => {
  it("writes [low, high] at the given decimals, never ±, and nothing when an end is missing", () => {
    expect(intervalText(-0.03125, 0.5, 3)).toBe("[-0.031, 0.500]");
    expect(intervalText(50, 55.5, 2)).toBe("[50.00, 55.50]");
    expect(intervalText(null, 1, 2)).toBe("");
    expect(intervalText(1, undefined, 2)).toBe("");
  });

  it("writes each end with the writer it is given: a chart's, with the typographic minus", () => {
    expect(intervalText(-0.03125, 0.5, 3, chartNumber)).toBe("[−0.031, 0.500]");
    expect(intervalText(-2, -1, 0, chartNumber)).toBe("[−2, −1]");
  });

  it("is what a page writes for a metric, at the metric's precision (SRCC: 4 decimals)", () => {
    expect(formatInterval("srcc", 0.41, 0.5)).toBe(intervalText(0.41, 0.5, 4));
  });
});

describe("formatRankInterval", () => {
  it("writes [best, worst], and nothing when an end is missing", () => {
    expect(formatRankInterval(2, 5)).toBe("[2, 5]");
    expect(formatRankInterval(null, 5)).toBe("");
  });
});
