/** The external human-annotation datasets for tests: where they are, and suites that need them. */
import { describe, it } from "vitest";
import path from "node:path";
import { datasetsRoot, locateDataset, readBenchmarkDefinitions, type DatasetLocation } from "../../scripts/benchmarks/registry.ts";

/** The datasets root the tests read: $AIGVE_DATASETS, else <repo>/../shared/datasets. */
export const DATASETS_DIR = datasetsRoot();

/** The repository's data/ folder. */
export const DATA_DIR = path.resolve(import.meta.dirname, "../../data");

/** Where the dataset of one of the repository's benchmarks is, or why it is absent. */
export function locateBenchmarkDataset(benchmarkId: string): DatasetLocation {
  const definition = readBenchmarkDefinitions(DATA_DIR).find((d) => d.benchmark.id === benchmarkId);
  if (definition === undefined) return { dir: null, message: `No benchmark "${benchmarkId}" in data/benchmarks/.` };
  return locateDataset(definition, DATASETS_DIR);
}

/** The folder of the dataset feeding a benchmark (the suite is skipped or failed when it is absent). */
export function datasetDir(benchmarkId: string): string {
  return locateBenchmarkDataset(benchmarkId).dir ?? "";
}

/**
 * A describe block that needs the raw files of one benchmark's dataset. Without them it is skipped with a
 * message on a developer machine, but fails in CI: a CI run that silently tested nothing would look green.
 */
export function describeWithDatasets(benchmarkId: string, title: string, body: () => void): void {
  const location = locateBenchmarkDataset(benchmarkId);
  if (location.dir !== null) {
    describe(title, body);
  } else if (process.env.CI === "true") {
    describe(title, () => {
      it("has the raw dataset files it tests", () => {
        throw new Error(`${location.message} CI must provide the datasets (set AIGVE_DATASETS).`);
      });
    });
  } else {
    console.warn(`Skipping "${title}": ${location.message}`);
    describe.skipIf(true)(title, body);
  }
}
