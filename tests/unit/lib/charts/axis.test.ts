import { describe, expect, it } from "vitest";
import { chartNumber, niceAxis, niceStep, stepDigits } from "../../../../src/lib/charts/axis.ts";

describe("niceStep", () => {
  it("picks 1, 2, 2.5 or 5 times a power of ten, the smallest covering the span in the given steps", () => {
    // By hand: 0.52 / 5 = 0.104 → 0.2; 65.25 / 5 = 13.05 → 20; 0.255 / 5 = 0.051 → 0.1; 0.09 / 4 = 0.0225 → 0.025.
    expect(niceStep(0.52, 5)).toBeCloseTo(0.2, 12);
    expect(niceStep(65.25, 5)).toBeCloseTo(20, 12);
    expect(niceStep(0.255, 5)).toBeCloseTo(0.1, 12);
    expect(niceStep(0.09, 4)).toBeCloseTo(0.025, 12);
    expect(niceStep(5, 5)).toBeCloseTo(1, 12);
  });
});

describe("stepDigits", () => {
  it("gives the decimals that write every multiple of the step exactly", () => {
    expect(stepDigits(0.25)).toBe(2);
    expect(stepDigits(0.2)).toBe(1);
    expect(stepDigits(25)).toBe(0);
    expect(stepDigits(0.05)).toBe(2);
    expect(stepDigits(2.5)).toBe(1);
  });
});

describe("niceAxis", () => {
  it("starts a MOS axis at zero with round ticks (not at 36 with odd ones)", () => {
    const axis = niceAxis([36.2, 65.25, 63.1], { includeZero: true });
    expect(axis.domain).toEqual([0, 80]);
    expect(axis.ticks).toEqual([0, 20, 40, 60, 80]);
    expect(axis.digits).toBe(0);
  });

  it("gives a correlation axis round ticks inside [−1, 1]", () => {
    const axis = niceAxis([0.17, 0.52, 0.4], { includeZero: true, bounds: [-1, 1] });
    expect(axis.domain).toEqual([0, 0.6]);
    expect(axis.ticks).toEqual([0, 0.2, 0.4, 0.6]);
    expect(axis.digits).toBe(1);
  });

  it("reaches below zero for negative correlations, on the same round steps", () => {
    // Span 0.47 / 5 = 0.094 → step 0.1; floor(−0.14) → −0.2, ceil(0.33) → 0.4.
    const axis = niceAxis([-0.14, 0.33], { includeZero: true, bounds: [-1, 1] });
    expect(axis.domain).toEqual([-0.2, 0.4]);
    expect(axis.ticks).toEqual([-0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4]);
  });

  it("never passes its bounds, even when intervals reach them", () => {
    const axis = niceAxis([-1, 0.9, 1], { includeZero: true, bounds: [-1, 1] });
    expect(axis.domain).toEqual([-1, 1]);
    expect(axis.ticks[0]).toBe(-1);
    expect(axis.ticks.at(-1)).toBe(1);
    const percent = niceAxis([78.69, 99.2], { includeZero: true, bounds: [0, 100] });
    expect(percent.domain).toEqual([0, 100]);
  });

  it("fits a scatter axis to the data when zero need not show", () => {
    const axis = niceAxis([27.4, 65.25], { intervals: 4 });
    // Span 37.85 / 4 = 9.46 → step 10: 20 … 70.
    expect(axis.domain).toEqual([20, 70]);
    expect(axis.ticks).toEqual([20, 30, 40, 50, 60, 70]);
  });

  it("opens a small round window around a single value", () => {
    const axis = niceAxis([0.5]);
    expect(axis.domain[0]).toBeLessThan(0.5);
    expect(axis.domain[1]).toBeGreaterThan(0.5);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
  });

  it("writes ticks without floating-point residue", () => {
    const axis = niceAxis([0.0123, 0.2777], { includeZero: true });
    for (const tick of axis.ticks) expect(String(tick)).toMatch(/^-?\d+(\.\d{1,2})?$/);
  });

  it("gives the compare view's dot plots the axes they had from their own builder, in four intervals", () => {
    // By hand: (0.52 + 0.38) / 4 = 0.225, so steps of 0.25 from floor(−0.38 / 0.25) to ceil(0.52 / 0.25);
    // 0.77 / 4 = 0.1925 → 0.2 from 2.6 to 3.6; 100 / 4 = 25.
    expect(niceAxis([-0.38, 0.52], { intervals: 4 })).toEqual({ domain: [-0.5, 0.75], ticks: [-0.5, -0.25, 0, 0.25, 0.5, 0.75], digits: 2 });
    expect(niceAxis([2.75, 3.52], { intervals: 4 })).toEqual({ domain: [2.6, 3.6], ticks: [2.6, 2.8, 3, 3.2, 3.4, 3.6], digits: 1 });
    expect(niceAxis([0, 100], { intervals: 4 })).toEqual({ domain: [0, 100], ticks: [0, 25, 50, 75, 100], digits: 0 });
  });
});

describe("chartNumber", () => {
  it("writes a chart's number at the given decimals with a typographic minus in place of the hyphen", () => {
    expect(chartNumber(-0.0456, 2)).toBe("−0.05");
    expect(chartNumber(0.5, 3)).toBe("0.500");
    expect(chartNumber(12, 0)).toBe("12");
  });
});

describe("niceAxis on a long board", () => {
  it("covers 230,000 values (past the engine's limit on a call's arguments) from the smallest to the largest", () => {
    const values = Array.from({ length: 230_000 }, (_, i) => 2 + (i % 100) / 100);
    values[200_000] = 1.2;
    values[7] = 4.6;
    const axis = niceAxis(values);
    expect(axis.domain[0]).toBeLessThanOrEqual(1.2);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(4.6);
    expect(axis.domain[0]).toBeGreaterThan(0.5);
    expect(axis.domain[1]).toBeLessThan(5.5);
  });
});
