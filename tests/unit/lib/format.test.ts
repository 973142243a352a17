import { describe, expect, it } from "vitest";
import { formatCount, formatInterval, formatRank, formatRankInterval, formatValue, textWithLinks } from "../../../src/lib/format.ts";

describe("formatValue", () => {
  it("rounds each metric to the precision the metric list gives it", () => {
    expect(formatValue("mos", 65.25)).toBe("65.25");
    expect(formatValue("mos", 38)).toBe("38.00");
    expect(formatValue("accuracy", 63)).toBe("63.00");
    expect(formatValue("score", 0.98)).toBe("0.98");
    expect(formatValue("srcc", 0.7932)).toBe("0.7932");
    expect(formatValue("plcc", 0.123456)).toBe("0.1235");
    expect(formatValue("krcc", -0.5)).toBe("-0.5000");
    expect(formatValue("krcc_c", 0.30861)).toBe("0.3086");
  });

  it("uses 3 decimals for a metric it does not know", () => {
    expect(formatValue("rmse", 1.23456)).toBe("1.235");
  });

  it("shows an em dash for a missing value", () => {
    expect(formatValue("mos", null)).toBe("—");
    expect(formatValue("srcc", undefined)).toBe("—");
  });
});

describe("formatInterval", () => {
  it("writes an interval as [low, high] at the metric's precision, never as ±", () => {
    expect(formatInterval("srcc", 0.41, 0.5)).toBe("[0.4100, 0.5000]");
    expect(formatInterval("mos", 50, 55.5)).toBe("[50.00, 55.50]");
    // Asymmetric around any value: the two ends are all there is to say.
    expect(formatInterval("srcc", -1, 0.4)).toBe("[-1.0000, 0.4000]");
  });

  it("writes nothing when either end is missing", () => {
    expect(formatInterval("mos", null, 1)).toBe("");
    expect(formatInterval("mos", 1, null)).toBe("");
  });
});

describe("formatRank and formatRankInterval", () => {
  it("writes a rank as a number and a missing rank as an em dash", () => {
    expect(formatRank(1)).toBe("1");
    expect(formatRank(30)).toBe("30");
    expect(formatRank(null)).toBe("—");
    expect(formatRank(undefined)).toBe("—");
  });

  it("writes a rank interval as [best, worst], and nothing without one", () => {
    expect(formatRankInterval(2, 5)).toBe("[2, 5]");
    expect(formatRankInterval(3, 3)).toBe("[3, 3]");
    expect(formatRankInterval(null, 4)).toBe("");
  });
});

describe("formatCount", () => {
  it("groups thousands with commas whatever the machine's locale", () => {
    expect(formatCount(58500)).toBe("58,500");
  });

  it("shows an em dash for an unknown count", () => {
    expect(formatCount(null)).toBe("—");
  });
});

describe("textWithLinks", () => {
  it("cuts a sentence into text and web addresses, leaving the punctuation after an address outside it", () => {
    expect(textWithLinks("https://a.org/x (its data.zip, see https://b.org/y); then")).toEqual([
      { text: "https://a.org/x", href: "https://a.org/x" },
      { text: " (its data.zip, see ", href: null },
      { text: "https://b.org/y", href: "https://b.org/y" },
      { text: "); then", href: null },
    ]);
    expect(textWithLinks("no address")).toEqual([{ text: "no address", href: null }]);
  });
});
