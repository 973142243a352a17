import { describe, expect, it, vi } from "vitest";
import { formatBytes, isMet, printTable, type BenchRow } from "../../../../scripts/dev/bench/table.ts";

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

  it("print a run that left no figure as a dash beside the reason it failed", () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    try {
      printTable([row({ figure: "site build", oursMs: Number.NaN, baseline: { name: "linear", ms: Number.NaN }, target: { kind: "ratio", max: 1.25 }, failure: "stopped at its 1800 s cap" })]);
    } finally {
      log.mockRestore();
    }
    expect(lines).toContain("| site build | ≤ 1.25× baseline | – | linear – | – | **not met** (stopped at its 1800 s cap) |");
    expect(lines.at(-1)).toBe("\n0 of 1 targets met.");
  });
});
