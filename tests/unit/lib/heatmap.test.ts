import { describe, expect, it } from "vitest";
import { heatPosition, heatScale } from "../../../src/lib/heatmap.ts";

describe("heatScale", () => {
  it("centres correlations on 0, as far each way as the largest distance from 0, rounded up to a tenth", () => {
    expect(heatScale("srcc", [-0.14, 0.33, 0.05])).toEqual({ kind: "diverging", low: -0.4, high: 0.4 });
    expect(heatScale("krcc_c", [0.9, 1])).toEqual({ kind: "diverging", low: -1, high: 1 });
    expect(heatScale("plcc", [0.01])).toEqual({ kind: "diverging", low: -0.1, high: 0.1 });
  });

  it("spans other metrics sequentially between round ends", () => {
    // Span 2.08 / 4 = 0.52 → step 1: 2 … 5. Span 1.3 / 4 = 0.325 → step 0.5: 3 … 4.5.
    expect(heatScale("mos", [2.79, 4.87])).toEqual({ kind: "sequential", low: 2, high: 5 });
    expect(heatScale("mos", [3.1, 4.4])).toEqual({ kind: "sequential", low: 3, high: 4.5 });
  });
});

describe("heatPosition", () => {
  it("places a correlation on −1 … 1 with 0 in the middle, clamped", () => {
    const scale = { kind: "diverging", low: -0.4, high: 0.4 } as const;
    expect(heatPosition(0, scale)).toBe(0);
    expect(heatPosition(0.2, scale)).toBeCloseTo(0.5, 12);
    expect(heatPosition(-0.4, scale)).toBeCloseTo(-1, 12);
    expect(heatPosition(0.9, scale)).toBe(1);
  });

  it("places other values on 0 … 1 from the low end, clamped", () => {
    const scale = { kind: "sequential", low: 2.5, high: 5 } as const;
    expect(heatPosition(2.5, scale)).toBe(0);
    expect(heatPosition(3.75, scale)).toBeCloseTo(0.5, 12);
    expect(heatPosition(5.5, scale)).toBe(1);
  });
});

describe("heatScale on a long board", () => {
  it("takes 10,000 entries × 23 dimensions of values (past the engine's limit on a call's arguments), reaching the largest", () => {
    const values = Array.from({ length: 230_000 }, (_, i) => ((i % 997) - 498) / 1000);
    values[123_456] = -0.83;
    expect(heatScale("srcc", values)).toEqual({ kind: "diverging", low: -0.9, high: 0.9 });
  });
});
