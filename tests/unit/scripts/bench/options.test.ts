import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "../../../../scripts/dev/bench/options.ts";

const CASES = ["correlation", "scale", "submitted-growth", "aigve-growth"];
const SIZED = ["submitted-growth", "aigve-growth"];
const parse = (...args: string[]) => parseBenchOptions(args, CASES, SIZED);

describe("parseBenchOptions", () => {
  it("selects every case at its own sizes without arguments", () => {
    expect(parse()).toEqual({ only: null, sizes: null });
  });

  it("selects the named cases in table order, with the sizes given", () => {
    expect(parse("--only", "submitted-growth", "--sizes", "100,1000,10000")).toEqual({ only: ["submitted-growth"], sizes: [100, 1000, 10_000] });
    expect(parse("--only", "scale,correlation")).toEqual({ only: ["correlation", "scale"], sizes: null });
  });

  it("refuses an unknown case, flag or size, naming it", () => {
    expect(() => parse("--only", "site-growth")).toThrow(/unknown case\(s\) "site-growth".*the cases are correlation, scale/);
    expect(() => parse("--size", "10")).toThrow(/unknown argument "--size"/);
    expect(() => parse("--only", "submitted-growth", "--sizes", "100,1e3")).toThrow(/whole numbers from 1, not "1e3"/);
    expect(() => parse("--only", "submitted-growth", "--sizes", "0,5,9")).toThrow(/not "0"/);
    expect(() => parse("--only")).toThrow(/--only needs a value/);
  });

  it("refuses sizes unless exactly one selected case takes them", () => {
    expect(() => parse("--sizes", "1,2,3")).toThrow(/exactly one of the cases that take sizes/);
    expect(() => parse("--only", "scale", "--sizes", "1,2,3")).toThrow(/exactly one/);
    expect(() => parse("--only", "submitted-growth,aigve-growth", "--sizes", "1,2,3")).toThrow(/exactly one/);
  });
});
