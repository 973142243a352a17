import { describe, expect, it } from "vitest";
import { formatBytes, isMet, type BenchRow } from "../../../../scripts/bench/table.ts";

const row = (extra: Partial<BenchRow>): BenchRow => ({ figure: "f", target: { kind: "time", maxMs: 1000 }, oursMs: 500, baseline: null, ...extra });

describe("bench rows", () => {
  it("meet a size target at or under it, in bytes", () => {
    expect(isMet(row({ target: { kind: "size", maxBytes: 5e6 }, oursMs: 5e6, unit: "bytes" }))).toBe(true);
    expect(isMet(row({ target: { kind: "size", maxBytes: 5e6 }, oursMs: 5e6 + 1, unit: "bytes" }))).toBe(false);
  });

  it("meet no target when the run failed, however fast it stopped", () => {
    expect(isMet(row({ oursMs: 10 }))).toBe(true);
    expect(isMet(row({ oursMs: 10, failure: "exit 134: out of memory" }))).toBe(false);
  });

  it("print bytes in decimal units with three significant digits", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(5_000_000)).toBe("5.00 MB");
    expect(formatBytes(1_234_567_890)).toBe("1.23 GB");
  });
});
