import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatInterval,
  formatPlusMinus,
  formatRank,
  formatRankInterval,
  formatValue,
} from "../../../src/lib/format.ts";

describe("formatValue", () => {
  it("rounds MOS, accuracy and published scores to 2 decimals and correlations to 4", () => {
    expect(formatValue("mos", 65.25)).toBe("65.25");
    expect(formatValue("mos", 38)).toBe("38.00");
    expect(formatValue("accuracy", 63)).toBe("63.00");
    expect(formatValue("score", 0.98)).toBe("0.98");
    expect(formatValue("srcc", 0.7932)).toBe("0.7932");
    expect(formatValue("plcc", 0.123456)).toBe("0.1235");
    expect(formatValue("krcc", -0.5)).toBe("-0.5000");
  });

  it("uses 3 decimals for a metric it does not know", () => {
    expect(formatValue("rmse", 1.23456)).toBe("1.235");
  });

  it("shows an em dash for a missing value", () => {
    expect(formatValue("mos", null)).toBe("—");
    expect(formatValue("srcc", undefined)).toBe("—");
  });
});

describe("formatInterval and formatPlusMinus", () => {
  it("writes an interval at the metric's precision with an en dash", () => {
    expect(formatInterval("srcc", 0.41, 0.5)).toBe("0.4100–0.5000");
    expect(formatInterval("mos", 50, 55.5)).toBe("50.00–55.50");
  });

  it("writes half the width as ± x", () => {
    expect(formatPlusMinus("mos", 50, 54)).toBe("± 2.00");
    expect(formatPlusMinus("srcc", 0.1, 0.3)).toBe("± 0.1000");
  });

  it("writes nothing when either end is missing", () => {
    expect(formatInterval("mos", null, 1)).toBe("");
    expect(formatInterval("mos", 1, null)).toBe("");
    expect(formatPlusMinus("mos", null, null)).toBe("");
  });
});

describe("formatRank and formatRankInterval", () => {
  it("writes a rank as a number and a missing rank as an em dash", () => {
    expect(formatRank(1)).toBe("1");
    expect(formatRank(30)).toBe("30");
    expect(formatRank(null)).toBe("—");
    expect(formatRank(undefined)).toBe("—");
  });

  it("collapses a rank interval whose ends agree", () => {
    expect(formatRankInterval(2, 5)).toBe("2–5");
    expect(formatRankInterval(3, 3)).toBe("3");
    expect(formatRankInterval(null, 3)).toBe("");
    expect(formatRankInterval(3, null)).toBe("");
  });
});

describe("formatCount", () => {
  it("groups thousands with commas whatever the machine's locale", () => {
    expect(formatCount(58500)).toBe("58,500");
    expect(formatCount(120000)).toBe("120,000");
    expect(formatCount(619)).toBe("619");
    expect(formatCount(0)).toBe("0");
  });

  it("shows an em dash for an unknown count", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatCount(undefined)).toBe("—");
  });
});
