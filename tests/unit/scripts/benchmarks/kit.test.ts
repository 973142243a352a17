/** The benchmark kit's adapter check: a dynamically imported adapter file is taken only in the declared shape. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adapterOf } from "../../../../scripts/benchmarks/kit.ts";
import { InputError } from "../../../../scripts/io/input-error.ts";
import { loadBenchmarks } from "../../../../scripts/benchmarks/registry.ts";

const FILE = path.join("/tmp", "data", "benchmarks", "x", "adapter.ts");

/** The message adapterOf throws for `module`, or null when it accepts it. */
function refusal(module: unknown): string | null {
  try {
    adapterOf(module, FILE);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
}

describe("adapterOf", () => {
  it("takes a module exporting an adapter with readPackage, with or without inputFiles", () => {
    const readPackage = () => ({ models: [], dimensions: [], prompts: [], videos: [], groundTruth: [], questions: [], metrics: [], metricScores: [] });
    expect(adapterOf({ adapter: { readPackage } }, FILE).readPackage).toBe(readPackage);
    expect(refusal({ adapter: { readPackage, inputFiles: () => [] } })).toBeNull();
  });

  it("refuses a module without an adapter, naming the file and the field", () => {
    for (const module of [{}, null, 42, { adapter: null }, { adapter: "readPackage" }, { default: { readPackage: () => null } }]) {
      expect(refusal(module)).toMatch(/adapter\.ts.*adapter.*is not an adapter: the file must export `adapter`/s);
    }
  });

  it("refuses an adapter whose readPackage or inputFiles is not a function", () => {
    expect(refusal({ adapter: { readPackage: {} } })).toMatch(/adapter\.ts.*has no readPackage/s);
    expect(refusal({ adapter: { readPackage: () => null, inputFiles: ["a.json"] } })).toMatch(/adapter\.ts.*inputFiles, when given, must be a function/s);
  });
});

describe("the registry", () => {
  it("loads this repository's adapters through the kit's interface", async () => {
    const folders = await loadBenchmarks(path.resolve(import.meta.dirname, "../../../../data"));
    const withAdapter = folders.filter((folder) => folder.adapter !== null).map((folder) => folder.benchmark.id);
    expect(withAdapter).toEqual(expect.arrayContaining(["aigve-60k", "fetv", "tvge"]));
  });
});
