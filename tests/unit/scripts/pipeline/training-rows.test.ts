import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../../scripts/io/input-error.ts";
import { emptyContent } from "../../../../scripts/store/store-content.ts";
import { addDeclaredTraining, addRecordedTraining } from "../../../../scripts/pipeline/training-rows.ts";
import type { Benchmark } from "../../../../src/schemas/benchmark.ts";
import { tempDir } from "../../../support/bundles.ts";

const benchmark = { id: "aigve-60k", title: "AIGVE-60K" } as unknown as Benchmark;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A benchmark folder holding only a training-data.json of these methods. */
function folder(methods: unknown[]): string {
  const dir = tempDir("training");
  made.push(dir);
  fs.writeFileSync(path.join(dir, "training-data.json"), JSON.stringify({ methods }));
  return dir;
}

describe("addDeclaredTraining", () => {
  it("marks a method trained on the benchmark when a declared dataset names it by id or title, whatever the case or punctuation", () => {
    for (const dataset of ["AIGVE-60K", "aigve-60k", "aigve60k", "AIGVE 60K"]) {
      const content = emptyContent();
      addDeclaredTraining(content, benchmark, "m", [{ dataset: "WebVid" }, { dataset, split: "train" }], "manifest");
      expect(content.trainingData[0]?.trainedOnBenchmark, dataset).toBe("yes");
    }
  });

  it("does not mark a method trained on other datasets, or on none", () => {
    const content = emptyContent();
    addDeclaredTraining(content, benchmark, "a", [{ dataset: "AIGVE-60" }, { dataset: "MSR-VTT" }], "manifest");
    addDeclaredTraining(content, benchmark, "b", [], "manifest");
    expect(content.trainingData.map((t) => [t.entryId, t.trainedOnBenchmark, t.datasetsJson])).toEqual([
      ["a", "no", '[{"dataset":"AIGVE-60"},{"dataset":"MSR-VTT"}]'],
      ["b", "no", "[]"],
    ]);
  });
});

describe("addRecordedTraining", () => {
  const entry = (id: string, name: string) => ({ benchmarkId: "aigve-60k", id, name, kind: "lmm-metric", submissionId: null });

  it("takes a recorded method's disclosure with its source, and records an unlisted one as not stated", () => {
    const content = emptyContent();
    content.v2tEntries.push(entry("love", "LOVE"), entry("other", "Other"));
    const dir = folder([{ method: "LOVE", trainedOnBenchmark: "yes", datasets: [{ dataset: "AIGVE-60K", split: "train" }], source: "https://github.com/IntMeGroup/LOVE" }]);
    addRecordedTraining(content, benchmark, dir);
    expect(content.trainingData).toEqual([
      { benchmarkId: "aigve-60k", entryId: "love", trainedOnBenchmark: "yes", datasetsJson: '[{"dataset":"AIGVE-60K","split":"train"}]', source: "https://github.com/IntMeGroup/LOVE", note: null },
      { benchmarkId: "aigve-60k", entryId: "other", trainedOnBenchmark: "not-stated", datasetsJson: null, source: null, note: null },
    ]);
  });

  it("refuses a record naming no V2T entry of the benchmark, naming file and field", () => {
    const content = emptyContent();
    content.v2tEntries.push(entry("love", "LOVE"));
    expect(() => addRecordedTraining(content, benchmark, folder([{ method: "L0VE", trainedOnBenchmark: "yes", datasets: null, source: "https://example.org" }]))).toThrow(
      /training-data\.json.*methods\.0\.method.*"L0VE" is not a V2T entry of aigve-60k/s,
    );
    // Without any V2T entry (the dataset absent), nothing can be checked and nothing is added.
    const none = emptyContent();
    addRecordedTraining(none, benchmark, folder([{ method: "L0VE", trainedOnBenchmark: "yes", datasets: null, source: "https://example.org" }]));
    expect(none.trainingData).toEqual([]);
  });

  it("keeps a submitted method's own declaration", () => {
    const content = emptyContent();
    content.v2tEntries.push(entry("love", "LOVE"));
    addDeclaredTraining(content, benchmark, "love", [], "manifest");
    addRecordedTraining(content, benchmark, folder([{ method: "LOVE", trainedOnBenchmark: "yes", datasets: null, source: "https://example.org" }]));
    expect(content.trainingData).toHaveLength(1);
    expect(content.trainingData[0]?.source).toBe("manifest");
  });

  it("refuses a record without a source, and a method listed twice, naming file and field", () => {
    expect(() => addRecordedTraining(emptyContent(), benchmark, folder([{ method: "LOVE", trainedOnBenchmark: "yes", datasets: null }]))).toThrow(/training-data\.json.*methods\.0\.source/s);
    const twice = { method: "LOVE", trainedOnBenchmark: "no", datasets: null, source: "https://example.org" };
    try {
      addRecordedTraining(emptyContent(), benchmark, folder([twice, twice]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems).toEqual([expect.objectContaining({ field: "methods.1.method", message: '"LOVE" is listed twice' })]);
    }
  });
});
